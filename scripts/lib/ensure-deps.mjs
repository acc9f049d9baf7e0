// Installs the dependencies when they are missing or the lockfile changed. Plain Node, no
// dependencies: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('node_modules', '.tidings-lock-hash');

/** Installs the lockfile's versions when node_modules is absent or came from another lockfile. */
export function ensureDependencies(root, say) {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(root, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  // Installed by hand (`npm ci`, `npm install`) since the lockfile last changed: trust it.
  // npm writes node_modules/.package-lock.json on every install; allow for the two files
  // being written in either order within the same install.
  const hidden = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(hidden)) {
    const lockTime = statSync(join(root, 'package-lock.json')).mtimeMs;
    if (statSync(hidden).mtimeMs >= lockTime - 5_000) {
      writeFileSync(stamp, hash);
      return;
    }
  }
  say('Installing dependencies (npm install): the first run takes a minute or two…');
  // Not `npm ci`: it refuses a lockfile that lacks other platforms' optional binaries, which
  // some registries do not serve; `npm install` installs the lockfile's versions and skips them.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    // onnxruntime-node's CPU binaries ship inside its package; skip its CUDA download.
    env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', npm_config_progress: 'true' },
  });
  if (result.status !== 0) {
    say('npm install failed: see its output above. Is the npm registry reachable?');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, hash);
}
