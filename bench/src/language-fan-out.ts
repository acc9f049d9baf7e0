import type { ArticleContent } from '@tidings/core';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { seedHtml } from './corpus.ts';
import { dictionaryTranslator } from './dictionary-translator.ts';
import { median } from './measure.ts';

/**
 * Wall time of one article into all five other languages against one direction, through the
 * real translator on the dictionary test models (no memory). The source is German (the seed
 * article translated en→de first), so that en, es and fr are direct and it and uk pivot
 * through English, the English computed once for them.
 *
 * @example
 * const rows = await languageFanOut({ runs: 5 }, console.log);
 */
export async function languageFanOut(
  options: { runs: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const translator = await dictionaryTranslator();
  const english: ArticleContent = {
    ...seedHtml('jef-extended-partner.txt'),
    summary: '',
    categories: ['Defence'],
  };
  const german =
    (await translator.translateArticle(english, 'en', ['de'])).get('de')?.content ?? english;
  const targets = ['en', 'es', 'fr', 'it', 'uk'] as const;
  await translator.translateArticle(german, 'de', targets);
  // Alternated, one direction then five, so that the load of a shared machine falls on both.
  const ones: number[] = [];
  const fives: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    let started = performance.now();
    await translator.translateArticle(german, 'de', ['es']);
    ones.push((performance.now() - started) / 1000);
    started = performance.now();
    await translator.translateArticle(german, 'de', targets);
    fives.push((performance.now() - started) / 1000);
  }
  const one = median(ones);
  const five = median(fives);
  await translator.close();
  progress(
    `  fan-out: one direction ${(one * 1000).toFixed(0)} ms, five ${(five * 1000).toFixed(0)} ms`,
  );
  const section = 'fan-out';
  return [
    {
      section,
      name: 'one article de→es (dictionary models)',
      value: one * 1000,
      unit: 'ms',
      note: `median of ${options.runs}`,
    },
    {
      section,
      name: 'same article de→en,es,fr,it,uk',
      value: five * 1000,
      unit: 'ms',
      note: 'it, uk pivot via en',
    },
    ratioRow(
      section,
      'five languages / one direction',
      five / one,
      undefined,
      '5 model steps: de→en (shared by en, it, uk), de→es, de→fr, en→it, en→uk; run one after another',
    ),
  ];
}
