import {
  createReadStream,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels, type TestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { launch } from './harness/launch.ts';
import { printedLines as lines, runCli } from './harness/run-cli.ts';
import { type Installation, installation } from './harness/service.ts';

let models: TestModels;
let tidings: Installation;
const scratch = mkdtempSync(join(tmpdir(), 'tidings-cli-models-e2e-'));

/** Runs `tidings …` as a user would, in the installation's environment, until it exits. */
const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  runCli(tidings.env, args, env);

beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['dictionary'] });
  tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
  await tidings.startApi();
  await tidings.startWorker();
});

afterAll(async () => {
  await tidings?.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

describe('tidings models', () => {
  it('says so, and exits 0, when every model the map needs is already there', async () => {
    const run = await cli(['models', 'pull']);
    expect(run.code).toBe(0);
    expect(lines(run.output)).toEqual([
      `every model the model map needs for the 30 directions between en, es, de, fr, it, uk is already in ${models.dictionaryModelsDir} (19 models); nothing to pull.`,
    ]);
  });

  it('says in one line that the hub cannot be reached, and how to install from a copy; as JSON too', async () => {
    const empty = mkdtempSync(join(scratch, 'models-'));
    const dead = await freePort();
    const run = await cli(['models', 'pull', 'en-es', '--hub', `http://127.0.0.1:${dead}/`], {
      MODELS_DIR: empty,
    });
    expect(run.code).toBe(1);
    const printed = lines(run.output);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(
      new RegExp(
        `^tidings: cannot reach the model hub at http://127\\.0\\.0\\.1:${dead}/ \\(.+\\); install them from a copy instead \\(\`tidings models pull --from DIR\`, DIR holding <model id>/config\\.json, .*onnx/encoder_model\\.onnx.*\\), or point MODEL_HUB_URL at a mirror; needed: Xenova/opus-mt-en-es; into ${empty}$`,
      ),
    );

    // A script that asked for JSON gets JSON, not an empty standard output.
    const json = launch(['apps/cli/bin/tidings.mjs', 'models', 'pull', 'en-es', '--json'], {
      ...tidings.env,
      MODELS_DIR: empty,
      MODEL_HUB_URL: `http://127.0.0.1:${dead}/`,
    });
    let stdout = '';
    json.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    expect((await json.exited()).code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^cannot reach the model hub at /),
    });
  });

  it('installs the models from a local copy with progress and checks, and doctor then passes', async () => {
    const empty = mkdtempSync(join(scratch, 'models-'));
    const before = await cli(['doctor'], {
      MODELS_DIR: empty,
      MODEL_HUB_URL: 'http://127.0.0.1:9/',
    });
    expect(before.code).toBe(1);
    expect(before.output).toMatch(/^✗ Models: 30 of 30 directions have no usable model/m);

    const run = await cli(['models', 'pull', '--from', models.dictionaryModelsDir], {
      MODELS_DIR: empty,
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(
      new RegExp(`^installing from ${models.dictionaryModelsDir} 19 models into ${empty}: `, 'm'),
    );
    expect(run.output).toMatch(
      /^ {2}copied Xenova\/opus-mt-es-en\/onnx\/encoder_model\.onnx \([\d.]+ [KM]B\)$/m,
    );
    expect(lines(run.output).at(-1)).toMatch(
      /^installed 19 models \([\d.]+ MB\) into .* each checked by loading it\.$/,
    );

    const after = await cli(['doctor'], {
      MODELS_DIR: empty,
      MODEL_HUB_URL: 'http://127.0.0.1:9/',
    });
    expect(after.output).toMatch(/^✓ Models: all 19 models the model map needs are in /m);
    expect(after.code, after.output).toBe(0);

    // A copy that lacks a model is refused before anything is written.
    const other = mkdtempSync(join(scratch, 'models-'));
    const partial = await cli(['models', 'pull', '--from', other, 'en-de'], { MODELS_DIR: other });
    expect(partial.code).toBe(1);
    expect(lines(partial.output)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^tidings: ${other} lacks what MODELS_DIR needs: Xenova/opus-mt-en-de \\(config\\.json, `,
        ),
      ),
    ]);
  });

  it('lists the models with their state, then pulls the missing ones from a mirror (MODEL_HUB_URL) with progress', async () => {
    const empty = mkdtempSync(join(scratch, 'models-'));
    const hub = await serveModels(models.dictionaryModelsDir);
    try {
      const before = await cli(['models', 'list'], { MODELS_DIR: empty });
      expect(before.code).toBe(0);
      expect(before.output).toMatch(
        /^Xenova\/opus-mt-en-uk +✗ missing +de-uk en-uk es-uk fr-uk it-uk$/m,
      );
      expect(before.output).toContain('19 models needed: 0 present (0 B), 19 to pull');

      // The hub as a mirror set in MODEL_HUB_URL (Transformers.js's remote host).
      const run = await cli(['models', 'pull', 'es-uk'], {
        MODELS_DIR: empty,
        MODEL_HUB_URL: hub.url,
      });
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(
        /^ {2}fetched Xenova\/opus-mt-es-en\/onnx\/encoder_model\.onnx \([\d.]+ [KM]B\)$/m,
      );
      expect(lines(run.output).at(-1)).toMatch(/^pulled 2 models \([\d.]+ MB\) into /);
      expect(existsSync(join(empty, 'Xenova/opus-mt-en-uk/onnx/decoder_model_merged.onnx'))).toBe(
        true,
      );

      const after = await cli(['models', 'list'], { MODELS_DIR: empty });
      expect(after.output).toMatch(/^Xenova\/opus-mt-en-uk +✓ present +[\d.]+ MB/m);
      expect(after.output).toContain('19 models needed: 2 present');
    } finally {
      hub.server.close();
    }
  });
});

describe('tidings models list with a multi-target prefix', () => {
  it('refuses a prefix the model vocabulary lacks, and does not count that model as usable', async () => {
    const map = join(scratch, 'prefix-map.json');
    writeFileSync(
      map,
      JSON.stringify({
        pivot: 'en',
        pairs: {
          'en-es': 'Xenova/opus-mt-en-es',
          'es-en': 'Xenova/opus-mt-es-en',
          'en-fr': { model: 'Xenova/opus-mt-en-fr', prefix: '>>fr<<' },
          'fr-en': 'Xenova/opus-mt-fr-en',
        },
      }),
    );
    const run = await cli(['models', 'list'], { MODEL_MAP: map, LANGUAGES: 'en,es,fr' });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(
      /^Xenova\/opus-mt-en-fr +✗ no >>fr<< \(fix MODEL_MAP\) +[\d.]+ MB +en-fr es-fr$/m,
    );
    expect(run.output).toContain('4 models needed: 3 present (');
    expect(run.output).toContain(
      '), 0 to pull, 1 without the target prefix the model map gives it (fix MODEL_MAP).',
    );
  });
});

/** A model hub on a local port, serving `<model>/resolve/main/<file>` from a models directory. */
async function serveModels(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(path);
    const file = match ? join(dir, match[1] ?? '', match[2] ?? '') : '';
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}
