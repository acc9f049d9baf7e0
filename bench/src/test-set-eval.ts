import type { LanguageCode } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { evaluateTranslator, loadEvalSet, parseGlossary, Translator } from '@tidings/translator';
import { type BenchRow, ratioRow } from './bench-row.ts';

/** Direct pairs both ways, a pair between two non-English languages, and a pivot. */
const DIRECTIONS: [LanguageCode, LanguageCode][] = [
  ['en', 'es'],
  ['es', 'en'],
  ['en', 'uk'],
  ['uk', 'en'],
  ['de', 'fr'],
  ['es', 'uk'],
];

/**
 * What `tidings eval` measures, on the dictionary test models: the shipped parallel test set
 * (60 sentences) translated in six directions, fp32, then en→es again with the int8 (`q8`)
 * weights. chrF and the shares are a smoke test with word-for-word models; tokens/s is the
 * translator's real rate on them, markup, gates and all.
 *
 * @example
 * const rows = await testSetEval({ threads: 2 }, console.log);
 */
export async function testSetEval(
  options: { threads: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const set = await loadEvalSet();
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  const glossary = parseGlossary({ terms: set.terms.map((source) => ({ source })) });
  const make = (dtype: 'fp32' | 'q8') =>
    new Translator({
      modelsDir: dictionaryModelsDir,
      ortThreads: options.threads,
      glossary,
      dtype,
    });
  const section = 'eval';
  const rows: BenchRow[] = [];
  const fp32 = make('fp32');
  const scores = await evaluateTranslator(fp32, set, DIRECTIONS, {
    onDirection: ({ from, to, score }) => {
      if (score) {
        progress(
          `  eval ${from}-${to}: chrF ${score.chrF.toFixed(1)}, kept ${(score.kept * 100).toFixed(0)}%, review ${(score.review * 100).toFixed(0)}%, ${score.tokensPerSecond.toFixed(0)} tokens/s`,
        );
      }
    },
  });
  await fp32.close();
  for (const s of scores) {
    const direction = `${s.from}→${s.to}`;
    const note = `${s.sentences} sentences, ${s.model}`;
    rows.push(
      { section, name: `${direction} chrF (dictionary models)`, value: s.chrF, unit: 'chrF', note },
      { section, name: `${direction} kept markup, numbers, terms`, value: s.kept * 100, unit: '%' },
      { section, name: `${direction} flagged for review`, value: s.review * 100, unit: '%' },
      {
        section,
        name: `${direction} rate`,
        value: s.tokensPerSecond,
        unit: 'tokens/s',
        note: 'models loaded',
      },
    );
  }
  const q8 = make('q8');
  const [quantized] = await evaluateTranslator(q8, set, [['en', 'es']]);
  await q8.close();
  const [full] = scores;
  if (quantized && full) {
    progress(
      `  eval en-es q8: chrF ${quantized.chrF.toFixed(1)}, ${quantized.tokensPerSecond.toFixed(0)} tokens/s`,
    );
    rows.push(
      { section, name: 'en→es chrF, q8 weights', value: quantized.chrF, unit: 'chrF' },
      ratioRow(
        section,
        'en→es tokens/s, q8 / fp32',
        quantized.tokensPerSecond / full.tokensPerSecond,
        undefined,
        'dictionary models: tiny weights, so the ratio says little about real ones',
      ),
    );
  }
  return rows;
}
