import type { GraphBuilder } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import type { DictionaryBehaviour } from './dictionary-behaviour.ts';
import { META } from './dictionary-tokenizer.ts';

/** The decoder behaviours: which source position each output position copies. */
export const DECODER_BEHAVIOURS: readonly DictionaryBehaviour[] = [
  'loop',
  'stop-early',
  'duplicate-tag',
];

/**
 * Adds to a dictionary decoder the nodes that pick, for each row and each position being
 * predicted, the source token it copies (`[batch, fed]`), for the behaviours of
 * {@link DECODER_BEHAVIOURS}: `loop` wraps around the sentence without reaching `</s>`,
 * `stop-early` writes `</s>` from the middle on, `duplicate-tag` goes back over the first
 * placeholder once it has been written. `source` is `[batch, seq]` of token ids as floats,
 * `positions` `[fed]`.
 */
export function unrulyDecoderPick(
  g: GraphBuilder,
  source: string,
  positions: string,
  tokens: readonly string[],
  behaviour: DictionaryBehaviour,
): string {
  const int = (x: string) => g.op('Cast', [x], { to: { i: DataType.INT64 } });
  const ids = int(source);
  const zero = g.init(tensors.int64('unruly_zero', [], [0]));
  const one = g.init(tensors.int64('unruly_one', [], [1]));
  const axes0 = g.init(tensors.int64('unruly_axes_0', [1], [0]));
  const axes1 = g.init(tensors.int64('unruly_axes_1', [1], [1]));
  const sum = (x: string) => g.op('ReduceSum', [x, axes1], { keepdims: { i: 1 } });
  const seq = g.op('Squeeze', [g.op('Shape', [ids], { start: { i: 1 }, end: { i: 2 } }), axes0]);
  const last = g.op('Sub', [seq, one]);
  // `[1, fed]`, broadcast against `[batch, 1]` figures to `[batch, fed]`.
  const at = g.op('Unsqueeze', [positions, axes0]);
  const length = sum(int(g.op('Greater', [ids, zero])));
  const clampedAt = (index: string) => g.op('Min', [index, last]);
  const pick = (index: string) =>
    g.op('GatherElements', [ids, g.op('Add', [index, g.op('Mul', [length, zero])])], {
      axis: { i: 1 },
    });
  if (behaviour === 'loop') {
    return pick(g.op('Mod', [at, g.op('Max', [length, one])]));
  }
  if (behaviour === 'stop-early') {
    const half = g.op('Div', [
      g.op('Add', [length, one]),
      g.init(tensors.int64('unruly_two', [], [2])),
    ]);
    return g.op('Mul', [pick(clampedAt(at)), int(g.op('Less', [at, half]))]);
  }
  const bare = (t: string) => (t.startsWith(META) ? t.slice(META.length) : t);
  const flag = (name: string, char: string) =>
    g.init(
      tensors.int64(
        name,
        [tokens.length],
        tokens.map((t) => (bare(t) === char ? 1 : 0)),
      ),
    );
  const lookup = (table: string) => g.op('Gather', [table, ids], { axis: { i: 0 } });
  const isLt = lookup(flag('unruly_is_lt', '<'));
  const isGt = lookup(flag('unruly_is_gt', '>'));
  const argmax = (x: string) => g.op('ArgMax', [x], { axis: { i: 1 }, keepdims: { i: 1 } });
  const start = argmax(isLt);
  const end = g.op('Add', [argmax(isGt), one]);
  const hasTag = g.op('ReduceMax', [isLt], { axes: { ints: [1] }, keepdims: { i: 1 } });
  const span = g.op('Mul', [g.op('Sub', [end, start]), hasTag]);
  const back = g.op('Where', [g.op('Less', [at, end]), at, g.op('Sub', [at, span])]);
  return pick(clampedAt(back));
}
