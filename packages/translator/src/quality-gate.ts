import { decodeSegment, type PlaceholderProblem, type Slot } from './placeholder-codec.ts';

/**
 * What the quality gate finds wrong with a translated segment, as a stable code and its fields
 * (the human sentence is chosen per language from the code, in `locales/{lang}/review.json`).
 *
 * @example
 * const problem: GateProblem = { code: 'number-missing', number: '5' };
 */
export type GateProblem =
  | PlaceholderProblem
  | { readonly code: 'empty-translation' }
  /** A number of the input (its digits, without grouping) that the output lacks. */
  | { readonly code: 'number-missing'; readonly number: string }
  /** A phrase repeated back to back more often than in the input. */
  | { readonly code: 'repetition-loop'; readonly phrase: string }
  /** The output's letters per input letter, to two decimals. */
  | { readonly code: 'length-ratio'; readonly ratio: number };

const PLACEHOLDER = /<\s*\/?\s*[gx]\s*\d{1,3}\s*\/?\s*>/gi;

/**
 * Checks one translated segment against its input, and says what is wrong, or `undefined` when
 * nothing is: the placeholders are the same set, balanced and nested (so markup and protected
 * glossary terms survive); every number of the input is there (compared as {@link numberRuns},
 * so `1200`, `1,200`, `1.200` and `1 200` agree, as `1,000.5` and `1.000,5` do); no word or phrase repeats in a loop the input does not have;
 * and the length is plausible for a translation.
 *
 * @example
 * checkTranslation('On 5 May <g1> he </g1> left.', 'El 5 de mayo <g1> él </g1> se fue.', slots); // undefined
 * checkTranslation('On 5 May he left.', 'El mayo se fue.', []); // { code: 'number-missing', number: '5' }
 */
export function checkTranslation(
  input: string,
  output: string,
  slots: readonly Slot[],
): GateProblem | undefined {
  const decoded = decodeSegment(output, slots);
  if (!decoded.ok) return decoded.problem;
  const source = input.replace(PLACEHOLDER, ' ');
  const target = output.replace(PLACEHOLDER, ' ');
  if (target.trim() === '') return { code: 'empty-translation' };
  const missing = missingNumbers(source, target);
  if (missing) return { code: 'number-missing', number: missing };
  const loop = repetition(target, source);
  if (loop) return { code: 'repetition-loop', phrase: loop };
  const ratio = letters(target) / Math.max(1, letters(source));
  const short = letters(source) < 20;
  if ((!short && ratio < 0.3) || ratio > (short ? 6 : 3.5)) {
    return { code: 'length-ratio', ratio: Math.round(ratio * 100) / 100 };
  }
  return undefined;
}

function letters(text: string): number {
  return text.replace(/[\s\p{P}]/gu, '').length;
}

/** The first number of `source` that `target` lacks (counting repeats), if any. */
function missingNumbers(source: string, target: string): string | undefined {
  return missingItems(numberRuns(source), numberRuns(target))[0];
}

/** A phrase of 1 to 6 words repeated back to back more often than in the source, if any. */
function repetition(target: string, source: string): string | undefined {
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = words(target);
  const inp = words(source);
  for (let n = 1; n <= 6; n++) {
    const found = longestRun(out, n);
    const minimum = n === 1 ? 4 : 3;
    if (found.count >= minimum && found.count > longestRun(inp, n).count) {
      return found.phrase;
    }
  }
  return undefined;
}

function longestRun(words: readonly string[], n: number): { count: number; phrase: string } {
  let best = { count: 0, phrase: '' };
  for (let i = 0; i + n <= words.length; i++) {
    const phrase = words.slice(i, i + n).join(' ');
    let count = 1;
    while (words.slice(i + count * n, i + (count + 1) * n).join(' ') === phrase) count++;
    if (count > best.count) best = { count, phrase };
    // A run found at i is also found, shorter, at i + 1: skip over it.
    if (count > 1) i += (count - 1) * n;
  }
  return best;
}

/**
 * What of `wanted` (with repeats) `have` lacks, in the order of `wanted`: a multiset
 * difference, so a number said twice in the source must be there twice in the output.
 *
 * @example
 * missingItems(['5', '5', '12'], ['5', '12']); // ['5']
 */
export function missingItems(wanted: readonly string[], have: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of have) left.set(item, (left.get(item) ?? 0) + 1);
  const lost: string[] = [];
  for (const item of wanted) {
    const count = left.get(item) ?? 0;
    if (count > 0) left.set(item, count - 1);
    else lost.push(item);
  }
  return lost;
}

/**
 * The numbers of a text as digit runs, with the separators between groups of thousands taken
 * out (`,` `.` `'` `’`, a space, a no-break or thin space before exactly three digits), since
 * each language groups its own way: Spanish writes `1200`, English `1,200`, German `1.200`,
 * French `1 200`. A decimal part stays a run of its own, whatever its separator. How the
 * quality gate and the survival check compare numbers.
 *
 * @example
 * numberRuns('1,200 left on 5 May; 1.000,5 t'); // ['1200', '5', '1000', '5']
 */
export function numberRuns(text: string): string[] {
  return digitRuns(text.replace(/(\d)[,.\u00a0\u2009\u202f' ’](?=\d{3}(?!\d))/gu, '$1'));
}

/**
 * The runs of ASCII digits of a text, in order, grouping separators splitting them (see
 * {@link numberRuns} for numbers however they are grouped).
 *
 * @example
 * digitRuns('On 5 May, 1,200 left.'); // ['5', '1', '200']
 */
export function digitRuns(text: string): string[] {
  return text.match(/\d+/g) ?? [];
}
