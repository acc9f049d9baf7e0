import type { LanguageCode } from '@tidings/core';
import { foreignRuns } from './protected-runs.ts';

const PLACEHOLDER = /<\s*\/?\s*[gx]\s*\d{1,3}\s*\/?\s*>/gi;

/**
 * The runs of letters in a script foreign to the source (see `foreignRuns`) that a translation
 * lacks: a model that cannot spell Arabic or Chinese drops such a name or writes `<unk>` for
 * it, and the sentence reads fine without it. Runs kept from the model as placeholders are
 * checked with the placeholders, not here.
 *
 * @example
 * lostForeignRuns('Met with محمد and 习近平.', 'Met with and 习近平.', 'en'); // ['محمد']
 */
export function lostForeignRuns(input: string, output: string, from: LanguageCode): string[] {
  const source = input.replace(PLACEHOLDER, ' ').normalize('NFC');
  const target = output.replace(PLACEHOLDER, ' ').normalize('NFC').replace(/\s+/g, ' ');
  const lost = new Set<string>();
  for (const run of foreignRuns(source, from)) {
    const text = source.slice(run.start, run.end).replace(/\s+/g, ' ');
    if (!target.includes(text)) lost.add(text);
  }
  return [...lost];
}
