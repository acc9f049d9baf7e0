// `npm start`: installs what is missing, finds or starts Redis, then runs the API and the
// workers as separate processes until Ctrl-C. Plain Node: it runs before anything is installed.
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stdout.write(`tidings: ${message}\n`);

ensureDependencies(root, say);

const { tsImport } = await import('tsx/esm/api');
const { loadConfigOrExit } = await tsImport('@tidings/core', import.meta.url);
const { ensureRedis } = await import('./lib/redis.mjs');
const { supervise } = await import('./lib/supervise.mjs');

const config = loadConfigOrExit(process.env, 'tidings');
const redis = await ensureRedis({
  redisUrl: config.redisUrl,
  privatePort: config.redisPrivatePort,
  dataDir: config.dataDir,
  say,
});

const processes = [{ name: 'api', args: ['apps/api/src/main.ts'] }];
for (let i = 1; i <= config.workers; i++) {
  processes.push({ name: `worker-${i}`, args: ['apps/worker/src/main.ts'] });
}

supervise(processes, {
  cwd: root,
  env: { ...process.env, REDIS_URL: redis.url },
  graceMs: config.shutdownTimeoutMs + 5_000,
  say,
  onAllStopped: async () => {
    if (!redis.child) return;
    redis.child.kill('SIGTERM');
    await new Promise((resolve) => redis.child.once('exit', resolve));
    say('private Redis stopped.');
  },
});

// Print the address once the API answers, so a person knows where to point a browser or curl.
const healthz = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/healthz`;
for (let i = 0; i < 300; i++) {
  const ok = await fetch(healthz).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    say(
      `Tidings is up: ${config.publicUrl}  (readiness: ${config.publicUrl}/readyz; Ctrl-C stops everything)`,
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
