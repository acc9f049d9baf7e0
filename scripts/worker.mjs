// `npm run worker`: one worker process alone, for another machine that reaches Redis and has
// the models. Plain Node: it installs the dependencies first when they are missing.
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';
import { supervise } from './lib/supervise.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stdout.write(`tidings worker: ${message}\n`);

ensureDependencies(root, say);
supervise([{ name: 'worker', args: ['apps/worker/src/main.ts'] }], {
  cwd: root,
  env: process.env,
  graceMs: 60_000,
  say,
});
