import type { GraphBuilder } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import type { TransformerOps } from './transformer-ops.ts';

/**
 * Where the ragged Opus-MT-sized variant ends each row: after about `ratio` times its source
 * length in tokens (en→es: Spanish runs about a tenth longer), give or take `spread`, with a
 * fixed pseudo-random offset per source length (`(length × 37) mod 11`), so a batch of real
 * sentences finishes row by row as a trained model's would, the same way every run.
 */
export const RAGGED_LENGTH = { ratio: 1.1, spread: 0.2 } as const;

/** How much the end-of-sentence push weighs against the model's own logits (they are ±10). */
const PUSH = 100;

/**
 * Target tokens (end of sentence not counted) the ragged variant writes for a source of
 * `sourceTokens` tokens (its `</s>` included, as the encoder's attention mask counts them):
 * the same float32 arithmetic as {@link raggedEndOfSentence}'s graph.
 *
 * @example
 * raggedTargetLength(30); // 33
 */
export function raggedTargetLength(sourceTokens: number): number {
  const f = Math.fround;
  const jitter = f(((sourceTokens * 37) % 11) - 5);
  const factor = f(f(RAGGED_LENGTH.ratio) * f(1 + f(f(f(RAGGED_LENGTH.spread) * jitter) / 5)));
  return Math.max(1, Math.floor(f(sourceTokens * factor)));
}

/**
 * Adds to the decoder's last hidden states, on the rows whose position has reached their
 * target length, a large multiple of the end-of-sentence token's column of the output
 * projection: that row's next token is then `</s>` (id `eos`), whatever the random weights
 * say. Everything is `[batch, 1]` or `[batch, steps, d]`: the push costs nothing next to the
 * projection onto the vocabulary. Returns the new hidden states.
 */
export function raggedEndOfSentence(
  ops: TransformerOps,
  g: GraphBuilder,
  h: string,
  io: { mask: string; positions: string; eosColumn: Float32Array },
): string {
  const { ratio, spread } = RAGGED_LENGTH;
  // Source length per row, [batch, 1], from the encoder attention mask.
  const source = g.op('ReduceSum', [io.mask, ops.ints([1])], { keepdims: { i: 1 } });
  const jitter = g.op('Sub', [
    g.op(
      'Cast',
      [g.op('Mod', [g.op('Mul', [source, ops.ints([37], true)]), ops.ints([11], true)])],
      {
        to: { i: DataType.FLOAT },
      },
    ),
    ops.float(5),
  ]);
  const factor = g.op('Mul', [
    ops.float(ratio),
    g.op('Add', [
      ops.float(1),
      g.op('Div', [g.op('Mul', [ops.float(spread), jitter]), ops.float(5)]),
    ]),
  ]);
  const sourceF = g.op('Cast', [source], { to: { i: DataType.FLOAT } });
  const target = g.op('Max', [g.op('Floor', [g.op('Mul', [sourceF, factor])]), ops.float(1)]);
  // The logits at position p choose token p + 1: `</s>` once p reaches the target length.
  const position = g.op('Unsqueeze', [
    g.op('Cast', [io.positions], { to: { i: DataType.FLOAT } }),
    ops.ints([0]),
  ]);
  const due = g.op('Cast', [g.op('Not', [g.op('Less', [position, target])])], {
    to: { i: DataType.FLOAT },
  });
  const column = g.init(
    tensors.float(
      'ragged.eos_push',
      [io.eosColumn.length],
      io.eosColumn.map((x) => x * PUSH),
    ),
  );
  const push = g.op('Mul', [g.op('Unsqueeze', [due, ops.ints([2])]), column]);
  return g.op('Add', [h, push]);
}
