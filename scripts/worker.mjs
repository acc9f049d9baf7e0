// `npm run worker`: one worker process alone, for another machine that reaches Redis and has
// the models. Plain Node: it installs the dependencies first when they are missing.
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stdout.write(`tidings worker: ${message}\n`);

ensureDependencies(root, say);
const { tsImport } = await import('tsx/esm/api');
const { loadConfigOrExit } = await tsImport('@tidings/core', import.meta.url);
const config = loadConfigOrExit(process.env, 'tidings worker');
if (config.models === 'demo') {
  const { DEMO_BANNER, prepareDemoModels } = await import('./lib/demo-models.mjs');
  process.stdout.write(`${DEMO_BANNER}\n`);
  await prepareDemoModels({ modelsDir: config.modelsDir, say });
}
const { supervise } = await import('./lib/supervise.mjs');
supervise([{ name: 'worker', args: ['apps/worker/src/main.ts'] }], {
  cwd: root,
  env: process.env,
  graceMs: 60_000,
  say,
});
