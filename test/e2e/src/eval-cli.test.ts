import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MODEL_OWNER, LANGUAGE_CODES } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness/launch.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-eval-e2e-'));
let modelsDir = '';

/** Runs `tidings …` from the repository root with the dictionary models, until it exits. */
function tidings(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['apps/cli/bin/tidings.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, MODELS_DIR: modelsDir, DATA_DIR: scratch, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A table row: direction, [variant,] chrF, kept, review, tokens/s, model. */
const ROW = /^([a-z]{2})-([a-z]{2}) +(?:(\S+ \S+) +)?(\d+\.\d) +(\d+)% +(\d+)% +(\d+) +(\S.*)$/;

beforeAll(async () => {
  modelsDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('tidings eval', () => {
  it('answers in all 30 directions on the dictionary models and prints every figure, with progress', () => {
    const run = tidings(['eval', '--sentences', '3']);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout
      .split('\n')
      .map((line) => ROW.exec(line))
      .filter((m) => m !== null);
    const expected = LANGUAGE_CODES.flatMap((from) =>
      LANGUAGE_CODES.filter((to) => to !== from).map((to) => `${from}-${to}`),
    );
    expect(rows.map((m) => `${m[1]}-${m[2]}`)).toEqual(expected);
    for (const m of rows) {
      expect(Number(m[4]), m[0]).toBeGreaterThan(5);
      // The dictionary models copy placeholders: everything is kept.
      expect(m[5], m[0]).toBe('100');
      expect(Number(m[7]), m[0]).toBeGreaterThan(0);
      expect(m[8], m[0]).toMatch(/^Xenova\/opus-mt-/);
    }
    expect(run.stdout).toMatch(/^mean chrF \d+\.\d, kept 100%, review \d+%, \d+ tokens\/s$/m);
    expect(run.stdout).toMatch(
      /^test set: built-in news set, 3 sentences per direction; MODELS_DIR: /m,
    );
    // Not a terminal: a line per direction done.
    expect(run.stderr).toMatch(/^ {2}\[1\/30\] built-in fp32 en-es: chrF \d+\.\d$/m);
    expect(run.stderr).toMatch(/^ {2}\[30\/30\] built-in fp32 uk-it: chrF \d+\.\d$/m);
  }, 300_000);

  it('compares two weights side by side in one table, and as JSON', () => {
    const args = [
      'eval',
      '--from',
      'en',
      '--to',
      'de,uk',
      '--dtype',
      'fp32',
      '--dtype',
      'q8',
      '--sentences',
      '4',
    ];
    const run = tidings(args);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout
      .split('\n')
      .map((line) => ROW.exec(line))
      .filter((m) => m !== null)
      .map((m) => `${m[1]}-${m[2]} ${m[3]}`);
    expect(rows).toEqual([
      'en-de built-in fp32',
      'en-de built-in q8',
      'en-uk built-in fp32',
      'en-uk built-in q8',
    ]);
    expect(run.stdout).toMatch(/^built-in q8: mean chrF /m);

    const json = tidings([...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      sentences: number;
      variants: { label: string; dtype: string; directions: Record<string, unknown>[] }[];
    };
    expect(result.sentences).toBe(4);
    expect(result.variants.map((v) => v.label)).toEqual(['built-in fp32', 'built-in q8']);
    for (const variant of result.variants) {
      expect(variant.directions.map((d) => `${d.from}-${d.to}`)).toEqual(['en-de', 'en-uk']);
      for (const d of variant.directions) {
        for (const figure of [
          'chrF',
          'kept',
          'keptMarkup',
          'keptNumbers',
          'keptTerms',
          'review',
          'tokens',
          'seconds',
          'tokensPerSecond',
        ]) {
          expect(typeof d[figure], figure).toBe('number');
        }
      }
    }
  });

  it('compares two model map files, naming each by its file', () => {
    const pivot = join(scratch, 'pivot.json');
    const direct = join(scratch, 'direct.json');
    const opus = (pair: string) => `Xenova/opus-mt-${pair}`;
    const base = [
      'en-es',
      'es-en',
      'en-de',
      'de-en',
      'en-fr',
      'fr-en',
      'en-it',
      'it-en',
      'en-uk',
      'uk-en',
    ];
    const write = (path: string, pairs: string[]) =>
      spawnSync('node', [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(JSON.stringify({ pairs: Object.fromEntries(pairs.map((p) => [p, opus(p)])) }))})`,
      ]);
    write(pivot, base);
    write(direct, [...base, 'es-de']);
    const run = tidings([
      'eval',
      '--from',
      'es',
      '--to',
      'de',
      '--model-map',
      pivot,
      '--model-map',
      direct,
      '--sentences',
      '3',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^es-de +pivot\.json fp32 +[\d.]+ +\d+% +\d+% +\d+ +Xenova\/opus-mt-es-en → Xenova\/opus-mt-en-de$/m,
    );
    expect(run.stdout).toMatch(
      /^es-de +direct\.json fp32 +[\d.]+ +\d+% +\d+% +\d+ +Xenova\/opus-mt-es-de$/m,
    );
  });

  it('refuses bad options with exit code 2 and missing models with 1, saying what to do', () => {
    const from = tidings(['eval', '--from', 'pt']);
    expect(from.code).toBe(2);
    expect(from.stderr).toBe(
      'tidings: --from "pt": expected languages served, comma-separated: en, es, de, fr, it, uk (LANGUAGES)\n',
    );
    expect(tidings(['eval', '--dtype', 'fp8']).stderr).toMatch(
      /^tidings: --dtype "fp8": expected one of fp32, fp16, q8/,
    );
    expect(tidings(['eval', '--sentences', '0']).code).toBe(2);
    const map = tidings(['eval', '--model-map', join(scratch, 'nope.json')]);
    expect(map.code).toBe(1);
    expect(map.stderr).toMatch(/^tidings: --model-map: .*nope\.json/);
    const empty = mkdtempSync(join(scratch, 'models-'));
    const missing = tidings(['eval', '--from', 'en', '--to', 'es'], { MODELS_DIR: empty });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `tidings: built-in fp32: ${empty} lacks 1 of the 1 models these directions need (fp32 weights)`,
    );
    expect(missing.stderr).toContain(
      'Fetch them with `MODEL_DTYPE=fp32 tidings models pull en-es`.',
    );
    expect(missing.stdout).toBe('');
    // The demo models are on no hub: the README's demo examples before any demo start.
    const demo = tidings(['eval', '--from', 'en', '--to', 'es'], {
      MODELS: 'demo',
      DATA_DIR: mkdtempSync(join(scratch, 'data-')),
    });
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain(
      'MODELS=demo: `MODELS=demo npm start` builds the demo models there (fp32 and q8 weights; seconds, cached); run it once first, with the same DATA_DIR.',
    );
    expect(demo.stderr).not.toContain('models pull');
    // Weights the demo start never builds: starting it again would not help.
    const fp16 = tidings(['eval', '--from', 'en', '--to', 'es', '--dtype', 'fp16'], {
      MODELS: 'demo',
      DATA_DIR: mkdtempSync(join(scratch, 'data-')),
    });
    expect(fp16.code).toBe(1);
    expect(fp16.stderr).toContain(
      'MODELS=demo: the demo models are built in fp32 and q8 only; ask for --dtype fp32 or --dtype q8.',
    );
  });

  it("runs the README's example as written, with the demo models built", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Measuring the models: `tidings eval`'));
    const block = /^```sh\n([\s\S]*?)```$/m.exec(section)?.[1] ?? '';
    expect(block).toContain('npx tidings eval');
    // What `MODELS=demo npm start` leaves in DATA_DIR: the dictionary models as the demo models.
    const data = mkdtempSync(join(scratch, 'data-'));
    mkdirSync(join(data, 'demo-models'));
    symlinkSync(join(modelsDir, 'Xenova'), join(data, 'demo-models', DEMO_MODEL_OWNER), 'dir');
    const cwd = mkdtempSync(join(scratch, 'cwd-'));
    symlinkSync(data, join(cwd, 'data'));
    // A directory of its own, where `npx tidings` finds the installed command as in a checkout.
    symlinkSync(join(ROOT, 'node_modules'), join(cwd, 'node_modules'), 'dir');
    const run = spawnSync(
      'bash',
      [
        '-c',
        `set -eu
${block}`,
      ],
      {
        cwd,
        env: { ...process.env, DATA_DIR: data },
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/^en-uk +[\d.]+ +100% +\d+% +\d+ +tidings-demo\/opus-mt-en-uk$/m);
    const json = JSON.parse(readFileSync(join(cwd, 'eval.json'), 'utf8')) as {
      variants: unknown[];
    };
    expect(json.variants).toHaveLength(2);
  });
});
