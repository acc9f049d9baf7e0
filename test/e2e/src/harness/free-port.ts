/**
 * A TCP port nothing listens on right now, for a private server in a test: the one helper the
 * unit tests' private Redis uses too.
 *
 * @example
 * const port = await freePort();
 */
export { freePort } from '@tidings/queue/testing';
