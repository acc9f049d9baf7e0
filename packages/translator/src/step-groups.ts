import type { RouteStep } from './model-map.ts';
import type { SegmentInput, SegmentOutput, SegmentTranslator } from './segment-translator.ts';

/**
 * Segment inputs of one stage of a translation, grouped by route step so each model sees one
 * deduplicated list: the first steps of every route, then the second steps of pivots.
 *
 * @example
 * const first = new StepGroups();
 * first.add(step, [{ text: 'Hello.', slots: [] }]);
 * const out = await first.run(segments, () => {});
 * out.get(stepKey(step))?.get('Hello.')?.text; // 'Hola.'
 */
export class StepGroups {
  readonly #groups = new Map<string, { step: RouteStep; inputs: SegmentInput[] }>();

  /** Adds inputs for `step` (repeats are kept; the segment translator deduplicates). */
  add(step: RouteStep, inputs: readonly SegmentInput[]): void {
    const key = stepKey(step);
    const group = this.#groups.get(key) ?? { step, inputs: [] };
    group.inputs.push(...inputs);
    this.#groups.set(key, group);
  }

  /** Distinct texts over all steps: what a progress count counts. */
  size(): number {
    let n = 0;
    for (const g of this.#groups.values()) n += new Set(g.inputs.map((i) => i.text)).size;
    return n;
  }

  /** Translates every group, one step after another; outputs keyed by {@link stepKey}, then text. */
  async run(
    segments: SegmentTranslator,
    tick: (n: number) => void,
  ): Promise<Map<string, Map<string, SegmentOutput>>> {
    const out = new Map<string, Map<string, SegmentOutput>>();
    // One model at a time: fewer models resident, and each batch as full as it can be.
    for (const [key, group] of this.#groups) {
      out.set(key, await segments.translate(group.step, group.inputs, tick));
    }
    return out;
  }
}

/** The key of a route step in {@link StepGroups.run}'s outputs. */
export function stepKey(step: RouteStep): string {
  return `${step.model}|${step.from}|${step.to}|${step.prefix ?? ''}`;
}
