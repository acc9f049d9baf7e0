import { GraphBuilder, type GraphMessage } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import { OPUS_SHAPE, type Precision } from './opus-shape.ts';
import { seededWeights, sinusoidalPositions } from './seeded-weights.ts';
import { TransformerOps } from './transformer-ops.ts';

const { vocabSize, dModel, layers, maxPositions } = OPUS_SHAPE;

/**
 * Token embeddings (scaled by `sqrt(d_model)`, as Marian's `scale_embedding`) plus Marian's
 * sinusoidal positions for the given position ids. `table` is `[vocab, d]`, or, with
 * `axis: 1`, the `[d, vocab]` output projection the decoder shares with its embeddings.
 */
export function embed(
  ops: TransformerOps,
  ids: string,
  positions: string,
  table: { name: string; axis: 0 | 1; scale?: string; zero?: string },
): string {
  const g = ops.g;
  let rows = g.op('Gather', [table.name, ids], { axis: { i: table.axis } });
  if (table.scale && table.zero) rows = g.op('DequantizeLinear', [rows, table.scale, table.zero]);
  if (table.axis === 1) rows = g.op('Transpose', [rows], { perm: { ints: [1, 2, 0] } });
  const scaled = g.op('Mul', [rows, ops.float(Math.sqrt(dModel))]);
  const posTable = 'model.embed_positions.weight';
  const placed = g.op('Gather', [posTable, positions], { axis: { i: 0 } });
  return g.op('Add', [scaled, placed]);
}

/** Adds Marian's sinusoidal position table (`[512, d]`) to a graph. */
export function addPositionTable(g: GraphBuilder): void {
  g.init(
    tensors.float(
      'model.embed_positions.weight',
      [maxPositions, dModel],
      sinusoidalPositions(maxPositions, dModel),
    ),
  );
}

/**
 * The Opus-MT-sized encoder: `input_ids`, `attention_mask` -> `last_hidden_state`, six
 * post-norm layers of self-attention and swish feed-forward over random weights.
 */
export function opusEncoder(precision: Precision): GraphMessage {
  const g = new GraphBuilder('encoder');
  const ops = new TransformerOps(g, g, precision);
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'encoder_sequence_length']);
  const mask = g.input('attention_mask', DataType.INT64, ['batch_size', 'encoder_sequence_length']);
  addPositionTable(g);
  const shared = seededWeights('model.shared.weight', vocabSize * dModel, 0.1);
  const table =
    precision === 'fp32'
      ? {
          name: g.init(tensors.float('model.shared.weight', [vocabSize, dModel], shared)),
          axis: 0 as const,
        }
      : (() => {
          const q = ops.quantizedWeight('model.shared', shared, [vocabSize, dModel]);
          return { name: q.w, scale: q.scale, zero: q.zero, axis: 0 as const };
        })();
  const length = g.op('Squeeze', [
    g.op('Shape', [ids], { start: { i: 1 }, end: { i: 2 } }),
    ops.ints([0]),
  ]);
  const positions = g.op('Range', [ops.ints([0], true), length, ops.ints([1], true)]);
  let h = embed(ops, ids, positions, table);
  const bias = ops.maskBias(mask);
  for (let i = 0; i < layers; i++) {
    const p = `model.encoder.layers.${i}`;
    const k = ops.heads(h, `${p}.self_attn.k_proj`);
    const v = ops.heads(h, `${p}.self_attn.v_proj`);
    h = ops.layerNorm(
      g.op('Add', [h, ops.attention(h, k, v, bias, `${p}.self_attn`)]),
      `${p}.self_attn_layer_norm`,
    );
    h = ops.layerNorm(g.op('Add', [h, ops.feedForward(h, p)]), `${p}.final_layer_norm`);
  }
  g.op('Identity', [h], {}, 'last_hidden_state');
  g.output('last_hidden_state', DataType.FLOAT, ['batch_size', 'encoder_sequence_length', dModel]);
  return g.build('main_graph');
}
