import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelUnavailableError } from './errors.ts';
import { ModelPool } from './model-pool.ts';

let modelsDir: string;
const pools: ModelPool[] = [];

beforeAll(async () => {
  modelsDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const pool = (options: Partial<ConstructorParameters<typeof ModelPool>[0]> = {}) => {
  const made = new ModelPool({ modelsDir, ...options });
  pools.push(made);
  return made;
};
const step = (from: 'en' | 'es', to: 'es' | 'de' | 'en') =>
  ({ model: `Xenova/opus-mt-${from}-${to}`, from, to }) as const;

describe('ModelPool', () => {
  it('translates a batch in input order on the given thread count', async () => {
    expect(
      await pool({ ortThreads: 1 }).translate(step('en', 'es'), ['Ukraine', 'the minister'], {}),
    ).toEqual(['Ucrania', 'el ministro']);
  });

  it('halves a text longer than the model accepts instead of letting it be truncated', async () => {
    // Unknown words are spelled letter by letter: this is far over the 512-token limit.
    const text = `Ukraine ${'Shmyhal '.repeat(150)}Ukraine`;
    expect(await pool().translate(step('en', 'es'), [text, 'Ukraine'], {})).toEqual([
      `Ucrania ${'Shmyhal '.repeat(150)}Ucrania`,
      'Ucrania',
    ]);
  });

  it('keeps at most cacheSize models, unloading the least recently used', async () => {
    const small = pool({ cacheSize: 1 });
    await small.translate(step('en', 'es'), ['Ukraine'], {});
    expect(small.loaded).toEqual(['Xenova/opus-mt-en-es']);
    await small.translate(step('en', 'de'), ['Ukraine'], {});
    expect(small.loaded).toEqual(['Xenova/opus-mt-en-de']);
    expect(await small.translate(step('en', 'es'), ['Ukraine'], {})).toEqual(['Ucrania']);
  });

  it("loads each pool's own model when two pools load the same id from two directories", async () => {
    const { opusSizedModelsDir } = await ensureTestModels({ kinds: ['opus-sized'] });
    for (let round = 0; round < 2; round++) {
      const dictionary = pool();
      const opus = pool({ modelsDir: opusSizedModelsDir });
      const loads = [
        dictionary.translate(step('en', 'es'), ['Ukraine'], {}),
        opus.translate(step('en', 'es'), ['Ukraine'], { maxNewTokens: 4 }),
      ];
      const [fromDictionary, fromOpus] = await Promise.all(round ? loads.reverse() : loads);
      expect(round ? fromOpus : fromDictionary).toEqual(['Ucrania']);
      expect(round ? fromDictionary : fromOpus).not.toEqual(['Ucrania']);
    }
  }, 120_000);

  it('pulls a model that is present: loads it once with progress, keeps nothing loaded', async () => {
    const puller = pool();
    const statuses: string[] = [];
    await puller.pull('Xenova/opus-mt-en-it', (e) => statuses.push(e.status));
    expect(statuses.at(-1)).toBe('ready');
    expect(puller.loaded).toEqual([]);
    await expect(puller.pull('Xenova/opus-mt-xx-yy')).rejects.toBeInstanceOf(ModelUnavailableError);
  });

  it('names the model, the directory and the fix when a model is missing', async () => {
    const error = await pool()
      .translate({ model: 'Xenova/opus-mt-xx-yy', from: 'en', to: 'es' }, ['Hi'], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error).toMatchObject({ model: 'Xenova/opus-mt-xx-yy', modelsDir, unrecoverable: true });
    expect((error as Error).message).toContain('tidings models pull');
    expect((error as Error).message).toContain(join(modelsDir, 'Xenova/opus-mt-xx-yy'));
  });

  it('reports a model whose files are incomplete as unavailable, not as a crash', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'models-'));
    await mkdir(join(broken, 'Xenova/opus-mt-en-es'), { recursive: true });
    await copyFile(
      join(modelsDir, 'Xenova/opus-mt-en-es/config.json'),
      join(broken, 'Xenova/opus-mt-en-es/config.json'),
    );
    const error = await pool({ modelsDir: broken })
      .translate(step('en', 'es'), ['Hi'], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toMatch(/cannot be loaded/);
  });
});
