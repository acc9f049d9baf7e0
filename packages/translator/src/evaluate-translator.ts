import type { LanguageCode } from '@tidings/core';
import { Parser } from 'htmlparser2';
import { chrF } from './chrf.ts';
import type { EvalSet } from './eval-set.ts';
import { survivalCheck } from './survival-check.ts';
import type { Translator } from './translator.ts';

/** The figures of one direction over a test set. */
export interface DirectionScore {
  readonly from: LanguageCode;
  readonly to: LanguageCode;
  /** The model, or models joined with ` → ` for a pivot. */
  readonly model: string;
  readonly sentences: number;
  /** Corpus chrF of the translations' text against the references, 0 to 100. */
  readonly chrF: number;
  /** Share (0 to 1) of sentences whose markup, numbers and protected terms all survived. */
  readonly kept: number;
  /** Shares of sentences that kept each kind (a sentence without it keeps it). */
  readonly keptMarkup: number;
  readonly keptNumbers: number;
  readonly keptTerms: number;
  /** Share (0 to 1) of sentences the translator flagged for review. */
  readonly review: number;
  /** Tokens of the translations, counted by the tokenizer of the model that wrote them. */
  readonly tokens: number;
  /** Wall time of the translation, models already loaded. */
  readonly seconds: number;
  readonly tokensPerSecond: number;
  /** Up to five sentences that lost something, with what: `s21: <a href="…">`. */
  readonly losses: readonly string[];
}

/** Options of {@link evaluateTranslator}. */
export interface EvaluateOptions {
  /** Called before each direction starts (`index` from 0) and after it ends, with its score. */
  readonly onDirection?:
    | ((event: {
        index: number;
        total: number;
        from: LanguageCode;
        to: LanguageCode;
        score?: DirectionScore;
      }) => void)
    | undefined;
}

function plainText(html: string): string {
  let text = '';
  const parser = new Parser({ ontext: (chunk) => (text += chunk) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text.trim();
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

async function evaluateDirection(
  translator: Translator,
  set: EvalSet,
  from: LanguageCode,
  to: LanguageCode,
): Promise<DirectionScore> {
  const article = (html: string) => ({
    title: '',
    summary: '',
    body: `<p>${html}</p>`,
    categories: [],
  });
  const [warm] = set.sentences;
  // Loading the models is not translating: the first sentence goes through once untimed.
  if (warm) await translator.translateArticle(article(warm[from]), from, [to]);
  const started = performance.now();
  const results = await translator.translateArticles(
    set.sentences.map((s) => ({ content: article(s[from]), source: from, targets: [to] })),
  );
  const seconds = (performance.now() - started) / 1000;
  const versions = results.map((r) => r.get(to));
  const outputs = versions.map((v) => v?.content.body.replace(/^<p>|<\/p>$/g, '') ?? '');
  const checks = set.sentences.map((s, i) => survivalCheck(s[from], outputs[i] ?? '', set.terms));
  const texts = outputs.map(plainText);
  const tokens = (await translator.countTokens(from, to, texts)).reduce((a, b) => a + b, 0);
  const n = set.sentences.length;
  const count = (test: (i: number) => boolean) => set.sentences.filter((_, i) => test(i)).length;
  return {
    from,
    to,
    model: versions.find((v) => v)?.model ?? '',
    sentences: n,
    chrF: chrF(
      texts,
      set.sentences.map((s) => plainText(s[to])),
    ),
    kept: share(
      count((i) => checks[i]?.lost.length === 0),
      n,
    ),
    keptMarkup: share(
      count((i) => checks[i]?.markup === true),
      n,
    ),
    keptNumbers: share(
      count((i) => checks[i]?.numbers === true),
      n,
    ),
    keptTerms: share(
      count((i) => checks[i]?.terms === true),
      n,
    ),
    review: share(
      count((i) => (versions[i]?.needsReview.length ?? 1) > 0),
      n,
    ),
    tokens,
    seconds,
    tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
    losses: set.sentences
      .map((s, i) => ({ id: s.id, lost: checks[i]?.lost ?? [] }))
      .filter((s) => s.lost.length > 0)
      .slice(0, 5)
      .map((s) => `${s.id}: ${s.lost.join(', ')}`),
  };
}

/**
 * Translates a parallel test set in each of the given directions, one direction at a time,
 * and scores each: chrF against the references, the share of sentences whose markup, numbers
 * and protected terms survived, the share flagged for review, and target tokens per second.
 * Give the translator the set's terms as protected glossary terms, and no translation memory.
 *
 * @example
 * const set = await loadEvalSet();
 * const translator = new Translator({ modelsDir, glossary: parseGlossary({ terms: set.terms.map((source) => ({ source })) }) });
 * const [enEs] = await evaluateTranslator(translator, set, [['en', 'es']]);
 * enEs?.chrF; // 57.3
 */
export async function evaluateTranslator(
  translator: Translator,
  set: EvalSet,
  directions: readonly (readonly [LanguageCode, LanguageCode])[],
  options: EvaluateOptions = {},
): Promise<DirectionScore[]> {
  const scores: DirectionScore[] = [];
  for (const [index, [from, to]] of directions.entries()) {
    const total = directions.length;
    options.onDirection?.({ index, total, from, to });
    const score = await evaluateDirection(translator, set, from, to);
    scores.push(score);
    options.onDirection?.({ index, total, from, to, score });
  }
  return scores;
}
