import { ensureTestModels } from '@tidings/test-models';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { BatchEvent } from './segment-translator.ts';
import { Translator, type TranslatorOptions } from './translator.ts';

/**
 * For a test file: translators on the dictionary test models, each with an empty memory of
 * its own in the shared Redis (keys under a prefix of this file, deleted after), recording the
 * batches they send. Registers the file's `beforeAll`/`afterAll`.
 *
 * @example
 * const make = dictionaryTranslators('translator');
 * const { translator, sent } = make({ maxSegmentChars: 400 });
 */
export function dictionaryTranslators(name: string) {
  const prefix = `test:${name}:${process.pid}:${Date.now()}:`;
  const made: Translator[] = [];
  let redis: Redis | undefined;
  let modelsDir = '';
  let run = 0;
  beforeAll(async () => {
    redis = new Redis('redis://127.0.0.1:6379');
    modelsDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(made.map((t) => t.close()));
    const keys = (await redis?.keys(`${prefix}*`)) ?? [];
    if (keys.length > 0) await redis?.del(...keys);
    redis?.disconnect();
  });
  return (options: Partial<TranslatorOptions> = {}, memory = `${prefix}${run++}:`) => {
    const batches: BatchEvent[] = [];
    const translator = new Translator({
      modelsDir,
      redis,
      memory: { prefix: memory },
      ortThreads: 1,
      onBatch: (event) => batches.push(event),
      ...options,
    });
    made.push(translator);
    const sent = (model?: string) =>
      batches.filter((b) => !model || b.model === model).flatMap((b) => b.texts);
    return { translator, batches, sent };
  };
}
