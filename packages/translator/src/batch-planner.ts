/**
 * A rough token count for Marian-style subword vocabularies (about three characters a token,
 * plus the end-of-sentence token), used before any tokenizer is loaded.
 *
 * @example
 * estimateTokens('The minister said.'); // 8
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3) + 2;
}

/**
 * Groups texts into batches for the model: sorted by length so that rows of a batch are padded
 * little, and each batch kept within a token budget counted as rows × longest row (what the
 * padded tensors really cost). A text longer than the budget runs alone. Token counts are the
 * tokenizer's when given (`tokens[i]` for `texts[i]`), else {@link estimateTokens}. A text that
 * takes shorter rows along into its batch (`rows[i]`, itself included; default 1) counts as
 * that many rows.
 *
 * @example
 * planBatches(['a much longer sentence here', 'short', 'tiny'], 20); // [[2, 1], [0]]
 */
export function planBatches(
  texts: readonly string[],
  budget: number,
  tokens?: readonly number[],
  rows?: readonly number[],
): number[][] {
  const order = texts
    .map((text, index) => ({ index, tokens: tokens?.[index] ?? estimateTokens(text) }))
    .sort((a, b) => a.tokens - b.tokens || a.index - b.index);
  const batches: number[][] = [];
  let current: number[] = [];
  let longest = 0;
  let used = 0;
  for (const item of order) {
    const widest = Math.max(longest, item.tokens);
    const height = rows?.[item.index] ?? 1;
    if (current.length > 0 && widest * (used + height) > budget) {
      batches.push(current);
      current = [];
      longest = 0;
      used = 0;
    }
    current.push(item.index);
    used += height;
    longest = Math.max(longest, item.tokens);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
