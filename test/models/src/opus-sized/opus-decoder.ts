import { GraphBuilder, type GraphMessage } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import { addPositionTable, embed } from './opus-encoder.ts';
import { OPUS_SHAPE, type Precision } from './opus-shape.ts';
import { raggedEndOfSentence } from './ragged-length.ts';
import { seededWeights } from './seeded-weights.ts';
import { TransformerOps } from './transformer-ops.ts';

const { vocabSize, dModel, layers, heads, headDim } = OPUS_SHAPE;
const KINDS = ['key', 'value'] as const;

/**
 * The cross-attention keys and values of every layer: an `If` on `use_cache_branch` that
 * passes the cached `past_key_values.*.encoder.*` through, or (first step) projects
 * `encoder_hidden_states`. As optimum merges the two decoders, the `present.*.encoder.*`
 * outputs are the projections on the first step and empty (`[0, heads, 1, head_dim]`) on the
 * cache branch, where a caller must keep the cache it fed. Returns, per layer and kind, the
 * keys or values attention uses.
 */
function crossKeysValues(ops: TransformerOps, useCache: string, encoderStates: string): string[] {
  const cached = new GraphBuilder('use_cache');
  const computed = new GraphBuilder('compute_cross');
  const computedOps = ops.branch(computed);
  const used: string[] = [];
  const presents: string[] = [];
  const dims = ['batch_size', heads, 'encoder_sequence_length_out', headDim];
  const empty = cached.init(tensors.float('use_cache/empty_cross', [0, heads, 1, headDim], []));
  for (let i = 0; i < layers; i++) {
    for (const kind of KINDS) {
      const name = `present.${i}.encoder.${kind}`;
      used.push(`cross.${i}.${kind}`);
      presents.push(name);
      const past = `past_key_values.${i}.encoder.${kind}`;
      cached.output(
        cached.op('Identity', [past], {}, `use_cache/cross.${i}.${kind}`),
        DataType.FLOAT,
        dims,
      );
      cached.output(cached.op('Identity', [empty], {}, `use_cache/${name}`), DataType.FLOAT, [
        0,
        heads,
        1,
        headDim,
      ]);
      const projected = computedOps.heads(
        encoderStates,
        `model.decoder.layers.${i}.encoder_attn.${kind[0]}_proj`,
      );
      computed.output(
        computed.op('Identity', [projected], {}, `compute_cross/cross.${i}.${kind}`),
        DataType.FLOAT,
        dims,
      );
      computed.output(
        computed.op('Identity', [projected], {}, `compute_cross/${name}`),
        DataType.FLOAT,
        dims,
      );
    }
  }
  const outputs = used.flatMap((u, k) => [u, presents[k] ?? '']);
  const results = ops.g.opN('If', [useCache], outputs, {
    then_branch: { g: cached.build('use_cache_branch') },
    else_branch: { g: computed.build('compute_cross_branch') },
  });
  return results.filter((_, k) => k % 2 === 0);
}

/**
 * The Opus-MT-sized merged decoder, with the inputs and outputs Transformers.js feeds a
 * Marian `decoder_model_merged.onnx`: self-attention keys and values grow by the fed tokens
 * at every step (`present.*.decoder.*` = past + new), cross-attention ones are computed once
 * and reused through `use_cache_branch`. Positions start at the cache's length. The output
 * projection is tied to the token embeddings (one `[d, vocab]` weight). `ragged`: each row
 * ends with `</s>` after a length drawn from its source length ({@link raggedEndOfSentence}).
 */
export function opusDecoder(
  precision: Precision,
  options: { ragged?: boolean } = {},
): GraphMessage {
  const g = new GraphBuilder('decoder');
  const ops = new TransformerOps(g, g, precision);
  const mask = g.input('encoder_attention_mask', DataType.INT64, [
    'batch_size',
    'encoder_sequence_length',
  ]);
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'decoder_sequence_length']);
  const states = g.input('encoder_hidden_states', DataType.FLOAT, [
    'batch_size',
    'encoder_sequence_length',
    dModel,
  ]);
  for (let i = 0; i < layers; i++) {
    for (const kind of KINDS) {
      g.input(`past_key_values.${i}.decoder.${kind}`, DataType.FLOAT, [
        'batch_size',
        heads,
        'past_decoder_sequence_length',
        headDim,
      ]);
      g.input(`past_key_values.${i}.encoder.${kind}`, DataType.FLOAT, [
        'batch_size',
        heads,
        'encoder_sequence_length_out',
        headDim,
      ]);
    }
  }
  const useCache = g.input('use_cache_branch', DataType.BOOL, [1]);
  addPositionTable(g);

  const head = seededWeights('lm_head.weight', dModel * vocabSize, 0.1);
  const quantized =
    precision === 'int8' ? ops.quantizedWeight('lm_head', head, [dModel, vocabSize]) : undefined;
  const table = quantized
    ? { name: quantized.w, scale: quantized.scale, zero: quantized.zero, axis: 1 as const }
    : {
        name: g.init(tensors.float('lm_head.weight', [dModel, vocabSize], head)),
        axis: 1 as const,
      };

  const scalarDim = (x: string, axis: number) =>
    g.op('Squeeze', [
      g.op('Shape', [x], { start: { i: axis }, end: { i: axis + 1 } }),
      ops.ints([0]),
    ]);
  const past = scalarDim('past_key_values.0.decoder.key', 2);
  const total = g.op('Add', [past, scalarDim(ids, 1)]);
  const positions = g.op('Range', [past, total, ops.ints([1], true)]);
  const rows = g.op('Unsqueeze', [positions, ops.ints([1])]);
  const cols = g.op('Unsqueeze', [
    g.op('Range', [ops.ints([0], true), total, ops.ints([1], true)]),
    ops.ints([0]),
  ]);
  const causal = g.op('Where', [g.op('Greater', [cols, rows]), ops.float(-1e9), ops.float(0)]);
  const crossBias = ops.maskBias(mask);
  const cross = crossKeysValues(ops, useCache, states);

  let h = embed(ops, ids, positions, table);
  for (let i = 0; i < layers; i++) {
    const p = `model.decoder.layers.${i}`;
    const [k, v] = KINDS.map((kind) =>
      g.op(
        'Concat',
        [`past_key_values.${i}.decoder.${kind}`, ops.heads(h, `${p}.self_attn.${kind[0]}_proj`)],
        { axis: { i: 2 } },
        `present.${i}.decoder.${kind}`,
      ),
    );
    const selfAttn = ops.attention(h, k ?? '', v ?? '', causal, `${p}.self_attn`);
    h = ops.layerNorm(g.op('Add', [h, selfAttn]), `${p}.self_attn_layer_norm`);
    const crossAttn = ops.attention(
      h,
      cross[2 * i] ?? '',
      cross[2 * i + 1] ?? '',
      crossBias,
      `${p}.encoder_attn`,
    );
    h = ops.layerNorm(g.op('Add', [h, crossAttn]), `${p}.encoder_attn_layer_norm`);
    h = ops.layerNorm(g.op('Add', [h, ops.feedForward(h, p)]), `${p}.final_layer_norm`);
  }
  if (options.ragged) {
    const eosColumn = Float32Array.from({ length: dModel }, (_, d) => head[d * vocabSize] ?? 0);
    h = raggedEndOfSentence(ops, g, h, { mask, positions, eosColumn });
  }
  const projected = quantized ? ops.matmulInt8(h, quantized) : g.op('MatMul', [h, table.name]);
  const bias = g.init(
    tensors.float(
      'final_logits_bias',
      [vocabSize],
      seededWeights('final_logits_bias', vocabSize, 0.01),
    ),
  );
  g.op('Add', [projected, bias], {}, 'logits');

  g.output('logits', DataType.FLOAT, ['batch_size', 'decoder_sequence_length', vocabSize]);
  for (let i = 0; i < layers; i++) {
    for (const kind of KINDS) {
      g.output(`present.${i}.decoder.${kind}`, DataType.FLOAT, [
        'batch_size',
        heads,
        'past_decoder_sequence_length + decoder_sequence_length',
        headDim,
      ]);
      g.output(`present.${i}.encoder.${kind}`, DataType.FLOAT, [
        'batch_size',
        heads,
        'encoder_sequence_length_out',
        headDim,
      ]);
    }
  }
  return g.build('main_graph');
}
