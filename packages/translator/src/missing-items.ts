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
 * The runs of ASCII digits of a text, in order: how the quality gate and the survival check
 * compare numbers (each first normalises the text its own way).
 *
 * @example
 * digitRuns('On 5 May, 1,200 left.'); // ['5', '1', '200']
 */
export function digitRuns(text: string): string[] {
  return text.match(/\d+/g) ?? [];
}
