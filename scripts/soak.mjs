// `npm run soak`: the fault and load tests of `npm test` at full length: the worker killed 50
// times and the API 20 times per store, 100 articles across two APIs, 1,000 articles posted in
// bursts against npm start, one job's worker killed twice and jobs failed for stalling retried,
// with production-length locks. Each size can be set in the environment (README, "Faults and
// load"). Plain Node, like test.mjs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = {
  TIDINGS_CHAOS_KILLS: '50',
  TIDINGS_API_KILLS: '20',
  TIDINGS_LOAD_ARTICLES: '1000',
  TIDINGS_LOAD_BURST: '50',
  TIDINGS_TWO_APIS_ARTICLES: '100',
  TIDINGS_STALL_LOCK_MS: '30000',
  ...process.env,
};
const files = [
  'src/worker-chaos.test.ts',
  'src/api-chaos.test.ts',
  'src/two-apis.test.ts',
  'src/load.test.ts',
  'src/stalled-twice.test.ts',
  'src/stalled-retry.test.ts',
];
process.stdout.write(
  `tidings soak: ${env.TIDINGS_CHAOS_KILLS} worker kills and ${env.TIDINGS_API_KILLS} API kills per store, ${env.TIDINGS_LOAD_ARTICLES} articles in bursts of ${env.TIDINGS_LOAD_BURST}, ${env.TIDINGS_TWO_APIS_ARTICLES} across two APIs, one job's worker killed twice and jobs failed for stalling retried, with ${env.TIDINGS_STALL_LOCK_MS} ms locks (about half an hour)\n`,
);
const child = spawn(
  process.execPath,
  ['scripts/test.mjs', '--filter=@tidings/e2e', '--', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
