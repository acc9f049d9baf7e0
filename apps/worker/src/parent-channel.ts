/**
 * Sends a message to this process's parent while it still listens. A parent killed with
 * SIGKILL closes the channel under a send in flight; that EPIPE is the end of this process,
 * not an error to print, so it leaves quietly (the orphan guard would end it anyway).
 * Without the callback, Node would raise the EPIPE as an unhandled 'error' and print its
 * stack trace, whatever LOG_FORMAT says.
 *
 * @example
 * sendToParent({ type: 'ready' });
 */
export function sendToParent(message: unknown): void {
  if (!process.connected) return;
  process.send?.(message, undefined, undefined, (error: Error | null) => {
    if (error) process.exit(0);
  });
}
