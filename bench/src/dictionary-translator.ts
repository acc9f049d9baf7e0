import { ensureTestModels } from '@tidings/test-models';
import { Translator } from '@tidings/translator';
import type { Redis } from 'ioredis';

/**
 * A real {@link Translator} over the word-by-word dictionary test models (all 19 direct
 * directions, the built-in model map, pivots through English), optionally with the
 * translation memory in Redis.
 *
 * @example
 * const translator = await dictionaryTranslator({ redis, prefix: 'bench:tm:' });
 */
export async function dictionaryTranslator(
  options: { redis?: Redis; prefix?: string; ortThreads?: number; cacheSize?: number } = {},
): Promise<Translator> {
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  return Translator.create({
    modelsDir: dictionaryModelsDir,
    cacheSize: options.cacheSize ?? 8,
    ortThreads: options.ortThreads ?? 2,
    ...(options.redis
      ? {
          redis: options.redis,
          memory: { prefix: options.prefix ?? 'bench:tm:', ttlSeconds: 3600 },
        }
      : {}),
  });
}
