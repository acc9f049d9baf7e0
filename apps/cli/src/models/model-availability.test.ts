import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelFiles } from '@tidings/translator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsCheck } from '../doctor/models-check.ts';
import { availabilityBlock } from './availability-block.ts';
import { modelAvailability } from './model-availability.ts';

const dirs: string[] = [];
let hubDir: string;
let hub: Server;
let hubUrl: string;

/** Writes a model's files (each `bytes` long) under a models directory. */
async function writeModel(dir: string, id: string, bytes: number) {
  await mkdir(join(dir, id, 'onnx'), { recursive: true });
  for (const file of modelFiles()) await writeFile(join(dir, id, file), 'x'.repeat(bytes));
}

beforeAll(async () => {
  hubDir = await mkdtemp(join(tmpdir(), 'tidings-hub-'));
  dirs.push(hubDir);
  // The hub has every model of the built-in map but en-uk.
  for (const pair of ['en-es', 'es-en', 'en-de', 'de-en', 'en-fr', 'fr-en', 'en-it', 'it-en']) {
    await writeModel(hubDir, `Xenova/opus-mt-${pair}`, 1000);
  }
  await writeModel(hubDir, 'Xenova/opus-mt-uk-en', 1000);
  hub = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(path);
    const file = match ? join(hubDir, match[1] ?? '', match[2] ?? '') : '';
    if (!match || !existsSync(file)) return void res.writeHead(path === '/' ? 200 : 404).end();
    res.writeHead(200, { 'content-length': statSync(file).size }).end();
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  hub?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const config = (modelsDir: string, over: Record<string, unknown> = {}) => ({
  modelsDir,
  models: 'hub' as const,
  modelMap: undefined,
  modelDtype: 'fp32' as const,
  allowRemoteModels: true,
  modelHubUrl: hubUrl,
  ...over,
});

describe('modelAvailability', () => {
  it('tells each direction present, to download (with sizes) or unavailable (and why)', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    await writeModel(modelsDir, 'Xenova/opus-mt-en-es', 10);
    await writeModel(modelsDir, 'Xenova/opus-mt-es-en', 10);
    const report = await modelAvailability(config(modelsDir), {
      directions: ['en-es', 'es-en', 'en-de', 'es-uk'],
    });
    const state = Object.fromEntries(report.directions.map((d) => [d.direction, d.state]));
    expect(state).toEqual({
      'en-es': 'present',
      'es-en': 'present',
      'en-de': 'download',
      // Pivots through English: es-en is here, en-uk is not on the hub.
      'es-uk': 'unavailable',
    });
    const enDe = report.models.find((m) => m.id === 'Xenova/opus-mt-en-de');
    expect(enDe?.downloadBytes).toBe(5 * 1000);
    expect(report.models.find((m) => m.id === 'Xenova/opus-mt-en-uk')?.reason).toMatch(
      /^the hub has no config\.json for it \(HTTP 404\)$/,
    );

    const block = availabilityBlock(report).split('\n');
    expect(block[0]).toBe(`models (MODELS_DIR ${modelsDir}, built-in model map): 4 directions`);
    expect(block[1]).toBe('  ✓ present: 2 directions (en-es es-en)');
    expect(block[2]).toBe(
      `  ↓ will download on first use from ${hubUrl}: 1 direction (en-de), 1 model, 4.9 KB: Xenova/opus-mt-en-de 4.9 KB`,
    );
    expect(block[4]).toBe(
      '  ✗ unavailable: 1 direction (es-uk): Xenova/opus-mt-en-uk: the hub has no config.json for it (HTTP 404)',
    );
    expect(block[5]).toMatch(
      /^ {6}fix: `tidings models pull --from DIR` .*MODEL_HUB_URL.* MODELS=demo /,
    );
  });

  it('says every direction is unavailable when the hub cannot be reached, and doctor fails', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    const offline = config(modelsDir, { modelHubUrl: 'http://127.0.0.1:9/' });
    const report = await modelAvailability(offline);
    expect(report.directions).toHaveLength(30);
    expect(report.directions.every((d) => d.state === 'unavailable')).toBe(true);
    expect(report.hubProblem).toMatch(/^cannot reach the model hub at http:\/\/127\.0\.0\.1:9\//);

    const check = await modelsCheck(offline);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/^30 of 30 directions have no usable model \(de-en /);
    expect(check.fix).toMatch(/^`tidings models pull --from DIR` from a copy/);
  });

  it('checks only the directions between the LANGUAGES served, with a model map that covers just them', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    const map = join(modelsDir, 'map.json');
    await writeFile(
      map,
      JSON.stringify({
        pairs: { 'en-uk': 'Xenova/opus-mt-en-uk', 'uk-en': 'Xenova/opus-mt-uk-en' },
      }),
    );
    const enUk = config(modelsDir, { languages: ['en', 'uk'], modelMap: map });
    const report = await modelAvailability(enUk);
    expect(report.directions.map((d) => [d.direction, d.state])).toEqual([
      ['en-uk', 'unavailable'],
      ['uk-en', 'download'],
    ]);
    expect(report.models.map((m) => m.id)).toEqual([
      'Xenova/opus-mt-en-uk',
      'Xenova/opus-mt-uk-en',
    ]);
    const check = await modelsCheck(enUk);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/^1 of 2 directions have no usable model \(en-uk\)/);
    // The same map with all six languages leaves 28 directions without a route.
    await expect(modelAvailability(config(modelsDir, { modelMap: map }))).rejects.toThrow(
      /MODEL_MAP: .*no model and no pivot route for en-es/,
    );
  });

  it('calls a direction unavailable when its model lacks the target prefix the map gives it, with the MODEL_MAP fix', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    for (const pair of ['en-es', 'es-en', 'en-fr', 'fr-en'])
      await writeModel(modelsDir, `Xenova/opus-mt-${pair}`, 10);
    // Every file is there; the vocabulary knows >>fra<<, not the map's >>fr<<.
    await writeFile(
      join(modelsDir, 'Xenova/opus-mt-en-fr/tokenizer.json'),
      JSON.stringify({
        model: {
          type: 'Unigram',
          vocab: [
            ['<pad>', 0],
            ['>>fra<<', 0],
          ],
        },
      }),
    );
    const map = join(modelsDir, 'map.json');
    await writeFile(
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
    const enEsFr = config(modelsDir, { languages: ['en', 'es', 'fr'], modelMap: map });
    const report = await modelAvailability(enEsFr);
    expect(report.directions.filter((d) => d.state !== 'present').map((d) => d.direction)).toEqual([
      'en-fr',
      'es-fr',
    ]);
    expect(report.directions.every((d) => d.state === 'present' || d.state === 'unavailable')).toBe(
      true,
    );
    // The files are there: no hub is asked, and none is blamed.
    expect(report.hubProblem).toBeUndefined();
    const block = availabilityBlock(report).split('\n');
    expect(block.slice(2)).toEqual([
      '  ✗ unavailable: 2 directions (en-fr es-fr): Xenova/opus-mt-en-fr: its vocabulary has no >>fr<<, the target prefix the model map gives it',
      expect.stringMatching(
        /^ {6}fix: correct MODEL_MAP: .*>>fra<<.*; pulling the model again does not help$/,
      ),
    ]);

    const check = await modelsCheck(enEsFr);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/^2 of 6 directions have no usable model \(en-fr es-fr\)/);
    expect(check.fix).toMatch(/^correct MODEL_MAP: /);
  });

  it('counts nothing as downloadable when workers may not download', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    const check = await modelsCheck(config(modelsDir, { allowRemoteModels: false }));
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/ALLOW_REMOTE_MODELS=false/);
  });

  it('warns, with the size, of models that will download on first use', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-models-'));
    dirs.push(modelsDir);
    const map = join(modelsDir, 'map.json');
    const pairs: Record<string, string> = {};
    for (const pair of [
      'en-es',
      'es-en',
      'en-de',
      'de-en',
      'en-fr',
      'fr-en',
      'en-it',
      'it-en',
      'uk-en',
    ])
      pairs[pair] = `Xenova/opus-mt-${pair}`;
    // en-uk served by a model the hub has, under another name.
    pairs['en-uk'] = 'Xenova/opus-mt-uk-en';
    await writeFile(map, JSON.stringify({ pairs }));
    const check = await modelsCheck(config(modelsDir, { modelMap: map }));
    expect(check.status).toBe('warn');
    expect(check.detail).toMatch(/^30 of 30 directions will download 9 models \(43\.9 KB\) from /);
  });
});
