/** One figure of the benchmark table and of the JSON results. */
export interface BenchRow {
  /** The benchmark that measured it (`translator`, `gemm`, `http`, …). */
  readonly section: string;
  /** What was measured, in words. */
  readonly name: string;
  /** The figure; NaN when not available. */
  readonly value: number;
  /** Its unit (`tokens/s`, `ratio`, `ms`, `MiB`…). */
  readonly unit: string;
  /** How it was measured, or why it is missing. */
  readonly note?: string;
  /** For a ratio with a target: the target and whether it is met. */
  readonly target?: { readonly op: '>=' | '<='; readonly value: number; readonly met: boolean };
}

/**
 * A ratio row, with its target when the issue sets one.
 *
 * @example
 * ratioRow('translator', '(c)/(a)', c / a, { op: '>=', value: 5 });
 */
export function ratioRow(
  section: string,
  name: string,
  value: number,
  target?: { op: '>=' | '<='; value: number },
  note?: string,
): BenchRow {
  return {
    section,
    name,
    value,
    unit: 'ratio',
    ...(note ? { note } : {}),
    ...(target
      ? {
          target: {
            ...target,
            met: target.op === '>=' ? value >= target.value : value <= target.value,
          },
        }
      : {}),
  };
}
