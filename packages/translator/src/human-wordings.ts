import type { LanguageCode } from '@tidings/core';
import type { TranslationMemory } from './translation-memory.ts';

/** One article's segments to look up: its language, the languages wanted, its model inputs. */
export interface WordingAsk {
  readonly source: LanguageCode;
  readonly targets: readonly LanguageCode[];
  /** Model inputs (placeholders included) of the segments to translate; repeats are asked once. */
  readonly texts: readonly string[];
}

/**
 * Per article, per target language: the editors' wordings the human memory holds for its
 * segments, keyed by model input. One MGET for all articles and targets; no memory, no wordings.
 *
 * @example
 * const [perTarget] = await humanWordings(memory, [{ source: 'en', targets: ['es'], texts: ['Hello.'] }]);
 * perTarget?.get('es')?.get('Hello.'); // 'Hola, ¿qué tal?' when an editor wrote it
 */
export async function humanWordings(
  memory: TranslationMemory | undefined,
  asks: readonly WordingAsk[],
): Promise<Map<LanguageCode, Map<string, string>>[]> {
  const found = asks.map(() => new Map<LanguageCode, Map<string, string>>());
  if (!memory) return found;
  const entries: { job: number; to: LanguageCode; from: LanguageCode; text: string }[] = [];
  asks.forEach((ask, j) => {
    const texts = new Set(ask.texts);
    for (const to of ask.targets)
      for (const text of texts) entries.push({ job: j, to, from: ask.source, text });
  });
  const wordings = await memory.getHuman(entries);
  entries.forEach((entry, i) => {
    const wording = wordings[i];
    const perJob = found[entry.job];
    if (wording === undefined || !perJob) return;
    const perTarget = perJob.get(entry.to) ?? new Map<string, string>();
    perTarget.set(entry.text, wording);
    perJob.set(entry.to, perTarget);
  });
  return found;
}
