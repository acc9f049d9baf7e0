import { decodeSegment, type PlaceholderProblem, type Slot } from './placeholder-codec.ts';
import { compatibilityRuns } from './protected-runs.ts';

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
  /**
   * A number of the input that the output lacks: its digits, without grouping, or, written with
   * compatibility characters, as written with what it is attached to (`2½`, `10⁶`, `m²`).
   */
  | { readonly code: 'number-missing'; readonly number: string }
  /** A phrase repeated back to back more often than in the input. */
  | { readonly code: 'repetition-loop'; readonly phrase: string }
  /** The output's letters per input letter, to two decimals. */
  | { readonly code: 'length-ratio'; readonly ratio: number }
  /**
   * The output stops before the input does: the input ends a sentence, the output ends none and
   * is clearly shorter (its letters per input letter, to two decimals).
   */
  | { readonly code: 'truncated'; readonly ratio: number };

const PLACEHOLDER = /<\s*\/?\s*[gx]\s*\d{1,3}\s*\/?\s*>/gi;

/**
 * Checks one translated segment against its input, and says what is wrong, or `undefined` when
 * nothing is: the placeholders are the same set, balanced and nested (so markup and protected
 * glossary terms survive); every number of the input is there (compared as
 * {@link missingNumbers}, so `1200`, `1,200`, `1.200` and `1 200` agree, as `1,000.5` and
 * `1.000,5` do, while `2½`, `10⁶` or `m²` must be there as written); no word or phrase repeats in a loop the input does not have; the output does not
 * stop short of the input's end (a model that writes its end of sentence too early); and the
 * length is plausible for a translation.
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
  const [missing] = missingNumbers(source, target);
  if (missing) return { code: 'number-missing', number: missing };
  const loop = repetition(target, source);
  if (loop) return { code: 'repetition-loop', phrase: loop };
  const ratio = letters(target) / Math.max(1, letters(source));
  const short = letters(source) < 20;
  if (!short && ratio < TRUNCATED_BELOW && endsSentence(source) && !endsSentence(target)) {
    return { code: 'truncated', ratio: Math.round(ratio * 100) / 100 };
  }
  if ((!short && ratio < 0.3) || ratio > (short ? 6 : 3.5)) {
    return { code: 'length-ratio', ratio: Math.round(ratio * 100) / 100 };
  }
  return undefined;
}

// A letter ratio that human translations of the eval set reach (its lowest, fr→en, is 0.56), so
// a short output alone is no sign of a cut; one that also lost the sentence's final stop is.
const TRUNCATED_BELOW = 0.8;

// Ends with a sentence's final punctuation, then any closing quotes or brackets, as each of the
// six languages writes them (German's “ and ‘, French's spaced » included).
const SENTENCE_END = /[.!?…。！？][\s"'“”‘’«»‹›)\]]*$/u;

function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

function letters(text: string): number {
  return text.replace(/[\s\p{P}]/gu, '').length;
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

/** A separator between groups of thousands: `,` `.` `'` `’`, a space, a no-break or thin space. */
const GROUP_SEPARATOR = "[,.\\u00a0\\u2009\\u202f' ’]";

/**
 * A well-formed grouped number: a leading group of 1 to 3 digits, then groups of exactly three
 * behind one and the same separator (so `2025 200` and `1234.567` are not one).
 */
const GROUPED = new RegExp(`(?<!\\d)\\d{1,3}(${GROUP_SEPARATOR})\\d{3}(?:\\1\\d{3})*(?!\\d)`, 'gu');

/** One number of a text: its digits, and for a lone `d[.,]ddd` its decimal reading as well. */
interface NumberToken {
  readonly grouped: string;
  readonly decimal?: readonly string[];
}

function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let last = 0;
  for (const match of text.matchAll(GROUPED)) {
    const at = match.index;
    for (const run of digitRuns(text.slice(last, at))) tokens.push({ grouped: run });
    const written = match[0];
    const separator = match[1] ?? '';
    const after = text.slice(at + written.length);
    // `1,200` or `3.141` on its own may be either; `1,234.5` or `1.234,5` is grouped.
    const lone =
      (separator === '.' || separator === ',') &&
      written.split(separator).length === 2 &&
      !/^[.,]\d/.test(after);
    tokens.push(
      lone
        ? { grouped: written.replace(separator, ''), decimal: digitRuns(written) }
        : { grouped: digitRuns(written).join('') },
    );
    last = at + written.length;
  }
  for (const run of digitRuns(text.slice(last))) tokens.push({ grouped: run });
  return tokens;
}

/**
 * The numbers of a text as digit runs, with the separators inside a well-formed grouping of
 * thousands taken out (a leading group of 1 to 3 digits, then groups of exactly three behind
 * `,` `.` `'` `’`, a space, a no-break or thin space), since each language groups its own way:
 * Spanish writes `1200`, English `1,200`, German `1.200`, French `1 200`. A decimal part stays
 * a run of its own, whatever its separator. A lone `d[.,]ddd` (`1,200`, `3.141`) is read as
 * grouped here; {@link missingNumbers} also accepts its decimal reading.
 *
 * @example
 * numberRuns('1,200 left on 5 May; 1.000,5 t; in 2025 200 came'); // ['1200', '5', '1000', '5', '2025', '200']
 */
export function numberRuns(text: string): string[] {
  return numberTokens(text).map((token) => token.grouped);
}

/** Beyond this many lone `d[.,]ddd` in a pair, only their grouped reading is compared. */
const MOST_READINGS = 10;

function reading(tokens: readonly NumberToken[], choice: number, first: number): string[] {
  let bit = first;
  return tokens.flatMap((token) => {
    if (!token.decimal) return [token.grouped];
    const decimal = bit < MOST_READINGS && (choice >> bit) & 1;
    bit++;
    return decimal ? [...token.decimal] : [token.grouped];
  });
}

/**
 * The numbers and units of `source` written with compatibility characters (see
 * `compatibilityRuns`: `2½`, `10⁶`, `m²`, `№5`) that `target` lacks as written, and both texts
 * with each one found blanked out, so its digits are not counted again: `2½` read as digits is
 * a `2` that `21⁄2` has, `10⁶` a `10` that `106` has.
 */
function writtenNumbers(
  source: string,
  target: string,
): { lost: string[]; source: string; target: string } {
  let from = source;
  let to = target;
  const lost: string[] = [];
  for (const run of compatibilityRuns(source)) {
    const written = source.slice(run.start, run.end);
    const blank = ' '.repeat(written.length);
    from = from.slice(0, run.start) + blank + from.slice(run.end);
    const at = foundAsWritten(to, written, source, run);
    if (at === -1) lost.push(written);
    else to = to.slice(0, at) + blank + to.slice(at + written.length);
  }
  return { lost, source: from, target: to };
}

const GLUED_DIGIT = /[\p{N}\u2070-\u209f\u2116\u3371-\u33df]/u;
const GLUED_LETTER = /[\p{L}\p{M}]/u;

/**
 * Where `target` holds `written` (a run of `source` from `run.start` to `run.end`) as a whole,
 * or -1: not glued to a digit (`2½` is not in `12½`), nor to a letter unless the run is glued
 * to one in the source too (`m²` is not in `km²`, but `¹` of `study¹` is in `Studie¹`).
 */
function foundAsWritten(
  target: string,
  written: string,
  source: string,
  run: { start: number; end: number },
): number {
  const letterBefore = GLUED_LETTER.test(source.charAt(run.start - 1));
  const letterAfter = GLUED_LETTER.test(source.charAt(run.end));
  const glued = (char: string, letterToo: boolean): boolean =>
    GLUED_DIGIT.test(char) || (!letterToo && GLUED_LETTER.test(char));
  for (let at = target.indexOf(written); at !== -1; at = target.indexOf(written, at + 1)) {
    if (glued(target.charAt(at - 1), letterBefore)) continue;
    if (glued(target.charAt(at + written.length), letterAfter)) continue;
    return at;
  }
  return -1;
}

/**
 * The numbers of `source` (with repeats) that `target` lacks: first those written with
 * compatibility characters (`2½`, `10⁶`, `m²`), which must be there as written, named so; then
 * the others, compared as {@link numberRuns}
 * under the reading of each lone `d[.,]ddd` on either side (grouped `1200` or decimal `1`,
 * `200`) that leaves the fewest lacking: that form is English grouping and German decimal
 * alike, so either reading is the writer's. How the quality gate and the survival check
 * compare numbers.
 *
 * @example
 * missingNumbers('It cost 1,200 euros.', 'Costó 1200 euros.'); // []
 * missingNumbers('On 5 November 2025 200 people', 'El 5 de noviembre de 2025, 20 personas'); // ['200']
 * missingNumbers('Up 2½ percent', 'Um 21⁄2 Prozent'); // ['2½']
 */
export function missingNumbers(source: string, target: string): string[] {
  const written = writtenNumbers(source, target);
  return [...written.lost, ...missingDigitNumbers(written.source, written.target)];
}

function missingDigitNumbers(source: string, target: string): string[] {
  const from = numberTokens(source);
  const to = numberTokens(target);
  const fromLone = from.filter((token) => token.decimal).length;
  const lone = Math.min(MOST_READINGS, fromLone + to.filter((token) => token.decimal).length);
  let best: string[] | undefined;
  for (let choice = 0; choice < 2 ** lone; choice++) {
    const lost = missingItems(reading(from, choice, 0), reading(to, choice, fromLone));
    if (!best || lost.length < best.length) best = lost;
    if (best.length === 0) break;
  }
  return best ?? [];
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
