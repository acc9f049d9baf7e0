import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArticleContent, createLogger } from '@tidings/core';
import { ensureTestModels, expectedTranslation } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from './engine-client.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const ENGINE = new URL('./translation-engine.ts', import.meta.url);
const clients: EngineClient[] = [];
let modelsDir: string;

beforeAll(async () => {
  modelsDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** An engine client whose engine will read `env` (it is forked with this process's env). */
function client(env: Record<string, string>): EngineClient {
  Object.assign(process.env, {
    QUEUE_PREFIX: `test-engine-${process.pid}`,
    LOG_LEVEL: 'silent',
    ORT_THREADS: '1',
    // Each test says which models it loads; preloading has a test of its own.
    PRELOAD_MODELS: 'none',
    ...env,
  });
  const made = new EngineClient(ENGINE, logger);
  clients.push(made);
  return made;
}

const article = (title: string): ArticleContent => ({
  title,
  summary: '',
  body: `<p>${title}</p>`,
  categories: [],
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('EngineClient', () => {
  it('translates the jobs in hand in one engine process, each to its own result', async () => {
    const engine = client({ MODELS_DIR: modelsDir });
    const titles = ['the minister said that Ukraine will win', 'Kyiv is the capital of Ukraine'];
    const results = await Promise.all(
      titles.map((t) => engine.translateArticle(article(t), 'en', ['es'])),
    );
    expect(results.map((r) => r.get('es')?.content.title)).toEqual(
      titles.map((t) => expectedTranslation(t, { src: 'en', tgt: 'es' })),
    );
    expect(engine.pid && isAlive(engine.pid)).toBe(true);
    expect(engine.takeModelLoads().map((l) => l.model)).toEqual(['Xenova/opus-mt-en-es']);
    expect(engine.models).toEqual(['Xenova/opus-mt-en-es']);
  }, 60_000);

  it('preloads the models of PRELOAD_MODELS before it says it is ready for jobs', async () => {
    const engine = client({
      MODELS_DIR: modelsDir,
      LANGUAGES: 'en,es,uk',
      PRELOAD_MODELS: 'en-es,es-uk',
    });
    engine.start();
    await engine.ready;
    // es→uk pivots through English: es-en serves it and en-uk.
    expect([...engine.models].sort()).toEqual([
      'Xenova/opus-mt-en-es',
      'Xenova/opus-mt-en-uk',
      'Xenova/opus-mt-es-en',
    ]);
    expect(engine.takeModelLoads()).toHaveLength(3);
    const result = await engine.translateArticle(article('Ukraine'), 'en', ['es']);
    expect(result.get('es')?.content.title).toBe(
      expectedTranslation('Ukraine', { src: 'en', tgt: 'es' }),
    );
    // Nothing was loaded for the job.
    expect(engine.takeModelLoads()).toEqual([]);
  }, 60_000);

  it('answers a withdrawn translation at once and still translates the others', async () => {
    const engine = client({ MODELS_DIR: modelsDir });
    const withdrawn = new AbortController();
    const asked = [
      engine.translateArticle(article('Ukraine'), 'en', ['fr']),
      engine.translateArticle(article('Kyiv'), 'en', ['fr'], { signal: withdrawn.signal }),
      engine.translateArticle(article('the war'), 'en', ['fr']),
    ];
    withdrawn.abort(new Error('lock lost'));
    const [first, dropped, last] = await Promise.allSettled(asked);
    expect(dropped).toMatchObject({ status: 'rejected', reason: new Error('lock lost') });
    expect(first?.status).toBe('fulfilled');
    expect((last as PromiseFulfilledResult<Map<string, unknown>>).value.has('fr')).toBe(true);
  }, 60_000);

  it('fails the translations in hand retryably when the engine dies, then starts a new one', async () => {
    const engine = client({ MODELS_DIR: modelsDir });
    engine.start();
    const first = engine.pid ?? 0;
    const inHand = engine.translateArticle(article('Ukraine'), 'en', ['de']);
    process.kill(first, 'SIGKILL');
    const error = await inHand.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { unrecoverable?: boolean }).unrecoverable).not.toBe(true);
    expect(error).toMatchObject({ failure: { code: 'engine-exited', exit: 'SIGKILL' } });
    const next = await engine.translateArticle(article('Ukraine'), 'en', ['de']);
    expect(next.get('de')?.content.title).toBe(
      expectedTranslation('Ukraine', { src: 'en', tgt: 'de' }),
    );
    expect(engine.pid).not.toBe(first);
  }, 60_000);

  it('keeps a missing model unrecoverable across the process boundary, with its fix', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-models-'));
    const engine = client({
      MODELS_DIR: empty,
      ALLOW_REMOTE_MODELS: 'false',
    });
    const error = await engine
      .translateArticle(article('Ukraine'), 'en', ['it'])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ModelUnavailableError', unrecoverable: true });
    expect((error as Error).message).toContain('tidings models pull');
    // Its failure as data crosses too, for the API to say in any language.
    expect(error).toMatchObject({
      failure: { code: 'model-unavailable', model: 'Xenova/opus-mt-en-it', modelsDir: empty },
    });
  }, 60_000);
});
