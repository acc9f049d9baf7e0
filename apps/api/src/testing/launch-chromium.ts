import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { TEST_IN_CI } from './test-env.ts';

/** Where Debian's `chromium` package puts the browser; playwright-core downloads none. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether Chromium is installed for the browser tests. When it is not, CI fails (the browser
 * tests must run there) and anywhere else a warning says what is skipped and how to install
 * it, as the PostgreSQL tests do. `npm test` installs it first when it can (root and apt).
 *
 * @example
 * const browserTests = chromiumAvailable('the browser test of /docs');
 * it.skipIf(!browserTests)('renders the API reference in a browser', …);
 */
export function chromiumAvailable(
  skipping: string,
  options: { path?: string; ci?: boolean } = {},
): boolean {
  const path = options.path ?? CHROMIUM_PATH;
  if (existsSync(path)) return true;
  const message = `Chromium is not installed at ${path}`;
  if (options.ci ?? TEST_IN_CI) {
    throw new Error(
      `${message}; CI requires it for ${skipping}. Install it: apt-get install chromium`,
    );
  }
  process.stderr.write(
    `\n⚠ ${message} (install it with: sudo apt-get install chromium): SKIPPING ${skipping}.\n\n`,
  );
  return false;
}

/**
 * Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, and no
 * background calls to a network that is not there). playwright-core downloads no browser.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}
