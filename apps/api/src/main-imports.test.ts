import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
/** Lists, as the process exits, the CommonJS modules it loaded that belong to the model runtime. */
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((k) => /onnxruntime|[\\\\/]sharp[\\\\/]|huggingface/.test(k));
  process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
});`)}`;

it('starting the API loads neither ONNX Runtime nor sharp (~140 MiB resident it never uses)', () => {
  // A bad PORT stops the start right after every module main.ts imports has been evaluated.
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', HOOK, MAIN], {
    env: { ...process.env, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toContain('PORT="not-a-port"');
  const line = /^LOADED (.*)$/m.exec(run.stderr)?.[1];
  expect(line, run.stderr).toBeDefined();
  expect(JSON.parse(line ?? '[]')).toEqual([]);
});
