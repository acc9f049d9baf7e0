// `npm start`: installs what is missing, finds or starts Redis, then runs the API and the
// workers as separate processes until Ctrl-C. Plain Node: it runs before anything is installed.
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stdout.write(`tidings: ${message}\n`);

ensureDependencies(root, say);

const { tsImport } = await import('tsx/esm/api');
const { exitWithMessage, listenFailure, loadConfigOrExit } = await tsImport(
  '@tidings/core',
  import.meta.url,
);
const { ensureRedis } = await import('./lib/redis.mjs');
const { supervise } = await import('./lib/supervise.mjs');
const { portProblem } = await import('./lib/port-free.mjs');
const { startModelCheck } = await import('./lib/model-check.mjs');
const { DEMO_BANNER, prepareDemoModels } = await import('./lib/demo-models.mjs');

const config = loadConfigOrExit(process.env, 'tidings');
const busy = listenFailure(config.host, config.port, await portProblem(config.host, config.port));
if (busy) exitWithMessage('tidings', busy);
if (config.models === 'demo') {
  process.stdout.write(`${DEMO_BANNER}\n`);
  await prepareDemoModels({ modelsDir: config.modelsDir, say });
}
const redis = await ensureRedis({
  redisUrl: config.redisUrl,
  privatePort: config.redisPrivatePort,
  dataDir: config.dataDir,
  say,
});

const env = { ...process.env, REDIS_URL: redis.url };

// API_V8_FLAGS: by default a small young generation and an old one collected near what it
// holds, so the API's memory stays near its idle size under load.
const processes = [
  { name: 'api', args: ['apps/api/src/main.ts'], ready: 'listening', nodeArgs: config.apiV8Flags },
];
for (let i = 1; i <= config.workers; i++) {
  processes.push({ name: `worker-${i}`, args: ['apps/worker/src/main.ts'] });
}

await supervise(processes, {
  cwd: root,
  env,
  graceMs: config.shutdownTimeoutMs * 2 + 5_000,
  say,
  onAllStopped: async () => {
    if (!redis.child) return;
    redis.child.kill('SIGTERM');
    await new Promise((resolve) => redis.child.once('exit', resolve));
    say('private Redis stopped.');
  },
});

// Said once the API this launcher started listens (it tells so over IPC): an answer on the
// port alone could come from another instance.
// Checked once the API answers (loading the model runtime beside a starting API slows it), and
// said just before "up".
say(await startModelCheck(root, env));
say(
  `Tidings is up${config.models === 'demo' ? ' in demo mode (MODELS=demo: demo translations)' : ''}: ${config.publicUrl}  (readiness: ${config.publicUrl}/readyz; Ctrl-C stops everything)`,
);
