import type { ArticleContent, LanguageCode } from '@tidings/core';
import { francAll } from 'franc';
import { LanguageDetectionError } from './errors.ts';
import { parseBody } from './html-flows.ts';

const ISO_639_3: Record<string, LanguageCode> = {
  eng: 'en',
  spa: 'es',
  deu: 'de',
  fra: 'fr',
  ita: 'it',
  ukr: 'uk',
};
// The six, plus the European neighbours most easily taken for one of them: a Russian, Dutch,
// Polish or Portuguese article must not pass as Ukrainian, German, French or Spanish just
// because those are the only choices (a Dutch article was read as German, a Polish one as
// French). Each neighbour votes for no language.
const SIX = Object.keys(ISO_639_3);
const CANDIDATES = [
  ...SIX,
  ...['rus', 'bel', 'bul', 'srp', 'mkd'],
  ...['por', 'glg', 'cat', 'ron'],
  ...['nld', 'afr', 'dan', 'swe', 'nob'],
  ...['pol', 'ces', 'slk', 'slv', 'hrv', 'bos'],
];

/** Detection thresholds (LANGUAGE_DETECTION_THRESHOLD, and a floor on the amount of text). */
export interface DetectionOptions {
  /** Least confidence (0 to 1) accepted; default 0.5. */
  readonly threshold?: number | undefined;
  /** Fewest letters worth judging; default 20. */
  readonly minLetters?: number | undefined;
}

/** The detected language and how sure the detector is. */
export interface Detection {
  readonly language: LanguageCode;
  /** Share of the text (by length) that clearly reads as this language, from 0 to 1. */
  readonly confidence: number;
}

/**
 * Detects which of the six languages a text is in, with franc restricted to them and to their
 * closest neighbours (Russian, Portuguese…, which vote for no language). The text is
 * judged paragraph by paragraph: each votes with its length, and only as strongly as franc
 * separates its best language from the runner-up, so a name-heavy caption ("Source: Denys
 * Shmyhal") barely counts. Too little text, or a confidence below the threshold, throws a
 * {@link LanguageDetectionError} rather than guessing.
 *
 * @example
 * detectLanguage('El ministro dijo que el gobierno aprobará la ley el martes.');
 * // { language: 'es', confidence: 1 }
 */
export function detectLanguage(text: string, options: DetectionOptions = {}): Detection {
  const threshold = options.threshold ?? 0.5;
  const minLetters = options.minLetters ?? 20;
  const total = (text.match(/\p{L}/gu) ?? []).length;
  if (total < minLetters) throw new LanguageDetectionError('too_short', undefined, 0);
  const votes = new Map<LanguageCode, number>();
  let weight = 0;
  for (const chunk of chunks(text)) {
    const size = (chunk.match(/\p{L}/gu) ?? []).length;
    weight += size;
    const vote = judge(chunk);
    if (vote) votes.set(vote.language, (votes.get(vote.language) ?? 0) + size * vote.strength);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  const confidence = top && weight > 0 ? top[1] / weight : 0;
  if (!top || confidence < threshold) {
    throw new LanguageDetectionError('uncertain', top?.[0], confidence);
  }
  return { language: top[0], confidence };
}

/**
 * Detects the language of an article from its title, summary and body text.
 *
 * @example
 * detectArticleLanguage({ title: 'Hola', summary: '', body: '<p>El ministro dijo…</p>', categories: [] });
 */
export function detectArticleLanguage(
  content: ArticleContent,
  options: DetectionOptions = {},
): Detection {
  const body = parseBody(content.body).flows.map((f) => f.flow.text);
  return detectLanguage([content.title, content.summary, ...body].join('\n'), options);
}

/** The language a chunk reads as, and how strongly (0 to 1), or nothing when it is none of the six. */
function judge(chunk: string): { language: LanguageCode; strength: number } | undefined {
  // Letters only one of the two has settle Ukrainian against Russian where trigrams hesitate.
  const ukrainian = /[іїєґІЇЄҐ]/.test(chunk);
  const russian = /[ыэъёЫЭЪЁ]/.test(chunk);
  if (russian && !ukrainian) return undefined;
  if (ukrainian && !russian) return { language: 'uk', strength: 1 };
  const [best, second] = francAll(chunk, { only: SIX, minLength: 1 });
  const language = best ? ISO_639_3[best[0]] : undefined;
  if (!best || !language) return undefined;
  // A neighbour (Portuguese, Catalan, Russian…) clearly ahead means the text is not ours.
  const wider = francAll(chunk, { only: CANDIDATES, minLength: 1 });
  const ours = wider.find(([code]) => code === best[0])?.[1] ?? 0;
  if (wider[0]?.[0] !== best[0] && ours < 0.92) return undefined;
  // franc scores the winner 1 and the others relative to it; a gap of 0.05 is a clear call.
  return { language, strength: Math.min(1, (1 - (second?.[1] ?? 0)) / 0.05) };
}

/** Paragraphs, with short ones merged into the next so each has something to judge. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of text.split(/\n+/)) {
    pending = pending ? `${pending} ${line}` : line;
    if ((pending.match(/\p{L}/gu) ?? []).length >= 40) {
      out.push(pending);
      pending = '';
    }
  }
  if (pending.trim()) {
    if ((pending.match(/\p{L}/gu) ?? []).length >= 10 || out.length === 0) out.push(pending);
    else out[out.length - 1] += ` ${pending}`;
  }
  return out;
}
