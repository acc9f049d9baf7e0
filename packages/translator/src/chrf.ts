/** Character n-gram orders counted, 1 to 6, as sacrebleu's chrF does by default. */
const CHAR_ORDER = 6;
/** Recall weighs β² = 4 times as much as precision. */
const BETA = 2;

/** Per n-gram order: n-grams in the hypotheses, in the references, and matched. */
type Statistics = { hyp: number; ref: number; match: number }[];

/** The character n-grams of a text without its whitespace, counted, for n = 1..6 (by code point). */
function charNgrams(text: string): Map<string, number>[] {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  const orders: Map<string, number>[] = [];
  for (let n = 1; n <= CHAR_ORDER; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    orders.push(counts);
  }
  return orders;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** sacrebleu's `_compute_f_score` without eps smoothing: averages precision and recall over the orders both sides have. */
function fScore(stats: Statistics): number {
  const factor = BETA ** 2;
  let precision = 0;
  let recall = 0;
  let orders = 0;
  for (const { hyp, ref, match } of stats) {
    if (hyp > 0 && ref > 0) {
      precision += match / hyp;
      recall += match / ref;
      orders++;
    }
  }
  if (orders === 0) return 0;
  precision /= orders;
  recall /= orders;
  if (precision + recall === 0) return 0;
  return (100 * ((1 + factor) * precision * recall)) / (factor * precision + recall);
}

/**
 * Corpus chrF (Popović 2015) as sacrebleu 2.x computes it by default (`CHRF()`: character
 * n-grams 1 to 6 with whitespace removed, no word n-grams, β = 2, case-sensitive, no eps
 * smoothing): the n-gram counts of every segment are summed, then one F-score is taken.
 * 0 to 100; one reference per hypothesis.
 *
 * @example
 * chrF(['The relationship between Obama and Netanyahu is not exactly friendly.'],
 *      ['The ties between Obama and Netanyahu are not particularly friendly.']); // 61.576…
 */
export function chrF(hypotheses: readonly string[], references: readonly string[]): number {
  if (hypotheses.length !== references.length) {
    throw new RangeError(
      `chrF needs one reference per hypothesis (${hypotheses.length} hypotheses, ${references.length} references)`,
    );
  }
  const stats: Statistics = Array.from({ length: CHAR_ORDER }, () => ({
    hyp: 0,
    ref: 0,
    match: 0,
  }));
  hypotheses.forEach((hypothesis, i) => {
    const hyp = charNgrams(hypothesis);
    const ref = charNgrams(references[i] ?? '');
    stats.forEach((order, n) => {
      const h = hyp[n] ?? new Map<string, number>();
      const r = ref[n] ?? new Map<string, number>();
      order.hyp += total(h);
      order.ref += total(r);
      for (const [gram, count] of h) order.match += Math.min(count, r.get(gram) ?? 0);
    });
  });
  return fScore(stats);
}
