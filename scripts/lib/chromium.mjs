// The browser tests need Debian's Chromium at /usr/bin/chromium. `npm test` installs it when
// it is missing and it can (root, apt-get); otherwise those tests skip with a warning (and fail
// in CI), as the PostgreSQL tests do. Plain Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const hasCommand = (name) =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Installs Debian's chromium when it is missing and this process may; says what it did. */
export function ensureChromium(say, { path = CHROMIUM_PATH } = {}) {
  if (existsSync(path)) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    say(
      `Chromium is not installed at ${path}, and installing it needs root and apt-get: the browser tests will be skipped${process.env.CI ? ' (CI fails them)' : ''}. Install it with: sudo apt-get install chromium`,
    );
    return false;
  }
  say(
    "Chromium is missing: installing Debian's chromium for the browser tests (apt-get install chromium)…",
  );
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  // A fresh machine's package lists may be empty or stale: update once when install fails.
  const installed =
    install() || (spawnSync('apt-get', ['update'], { stdio: 'inherit' }).status === 0 && install());
  if (installed && existsSync(path)) {
    say(`installed Chromium at ${path}.`);
    return true;
  }
  say(
    `could not install Chromium (see apt-get's output above): the browser tests will be skipped${process.env.CI ? ' (CI fails them)' : ''}.`,
  );
  return false;
}
