import { GraphBuilder, type GraphMessage } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import type { DictionaryBehaviour } from './dictionary-behaviour.ts';
import { EOS_ID, META } from './dictionary-tokenizer.ts';
import { DECODER_BEHAVIOURS, unrulyDecoderPick } from './unruly-decoder.ts';
import { unrulyEncoderOutput } from './unruly-encoder.ts';
import { CLOSING_MARKS, OPENING_MARKS } from './word-rule.ts';

function table(g: GraphBuilder, name: string, values: ArrayLike<number>): string {
  return g.init(tensors.int64(name, [values.length], Array.from(values)));
}

/**
 * The dictionary encoder: writes in place of every source token its translation (when the
 * token is a table word standing alone: it opens a chunk or follows an opening mark, and it
 * ends a chunk or precedes a closing mark; single-letter words such as `a` need this test,
 * since they share their token with the letter) and hands the ids on as a one-wide hidden
 * state (`[batch, seq, 1]`, exact in float32); padding becomes `</s>`. An unruly
 * `behaviour` then drops, moves or rewrites tokens (see `unrulyEncoderOutput`).
 */
export function dictionaryEncoder(
  tokens: readonly string[],
  translation: Int32Array,
  behaviour: DictionaryBehaviour = 'faithful',
): GraphMessage {
  const g = new GraphBuilder('encoder');
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'encoder_sequence_length']);
  const mask = g.input('attention_mask', DataType.INT64, ['batch_size', 'encoder_sequence_length']);
  const last = tokens.length - 1;
  const flag = (test: (token: string, id: number) => boolean) =>
    Int32Array.from(tokens, (t, i) => (test(t, i) ? 1 : 0));
  const bare = (t: string) => (t.startsWith(META) ? t.slice(META.length) : t);
  const startsChunk = table(
    g,
    'starts_chunk',
    flag((t) => t.startsWith(META)),
  );
  const opens = table(
    g,
    'opens',
    flag((t) => [...bare(t)].length === 1 && OPENING_MARKS.includes(bare(t))),
  );
  const closes = table(
    g,
    'closes_or_boundary',
    flag(
      (t, i) =>
        i === EOS_ID ||
        i === last ||
        t.startsWith(META) ||
        (t.length === 1 && CLOSING_MARKS.includes(t)),
    ),
  );
  const translated = table(g, 'translation', translation);

  const axis1 = g.init(tensors.int64('axis_1', [1], [1]));
  const zero = g.init(tensors.int64('zero_1', [1], [0]));
  const one = g.init(tensors.int64('one_1', [1], [1]));
  const minusOne = g.init(tensors.int64('minus_one_1', [1], [-1]));
  const huge = g.init(tensors.int64('huge_1', [1], [1 << 30]));
  const eos = g.init(tensors.int64('eos', [], [EOS_ID]));
  const zeroScalar = g.init(tensors.int64('zero', [], [0]));
  const firstColumn = g.op('Slice', [ids, zero, one, axis1]);
  const boundaryColumn = g.op('Add', [g.op('Mul', [firstColumn, zeroScalar]), eos]);
  const previous = g.op('Concat', [boundaryColumn, g.op('Slice', [ids, zero, minusOne, axis1])], {
    axis: { i: 1 },
  });
  const next = g.op('Concat', [g.op('Slice', [ids, one, huge, axis1]), boundaryColumn], {
    axis: { i: 1 },
  });
  const lookup = (t: string, at: string) => g.op('Gather', [t, at], { axis: { i: 0 } });
  const startOk = g.op('Max', [lookup(startsChunk, ids), lookup(opens, previous)]);
  const standsAlone = g.op('Mul', [startOk, lookup(closes, next)]);
  const asBool = g.op('Cast', [standsAlone], { to: { i: DataType.BOOL } });
  const mapped = g.op('Where', [asBool, lookup(translated, ids), ids]);
  // EOS_ID is 0, so masking the padding out writes `</s>` there.
  const kept = g.op('Mul', [mapped, mask]);
  const written = unrulyEncoderOutput(g, ids, kept, tokens, behaviour);
  const asFloat = g.op('Cast', [written], { to: { i: DataType.FLOAT } });
  const axis2 = g.init(tensors.int64('axis_2', [1], [2]));
  g.op('Unsqueeze', [asFloat, axis2], {}, 'last_hidden_state');
  g.output('last_hidden_state', DataType.FLOAT, ['batch_size', 'encoder_sequence_length', 1]);
  return g.build('dictionary_encoder');
}

/**
 * The dictionary decoder, in the merged-decoder signature Transformers.js feeds
 * (`input_ids`, `encoder_hidden_states`, `encoder_attention_mask`, one layer of
 * `past_key_values.0.{decoder,encoder}.{key,value}`, `use_cache_branch`). Its cache holds
 * the tokens fed so far, so the cache's length is the position `t` of the token being
 * predicted; the logits put all weight on the encoder's token at `t` (clamped to the last
 * position, which is `</s>` or padding, so every finished row keeps writing `</s>`). The
 * unruly behaviours of `DECODER_BEHAVIOURS` pick other positions (see `unrulyDecoderPick`).
 */
export function dictionaryDecoder(
  tokens: readonly string[],
  behaviour: DictionaryBehaviour = 'faithful',
): GraphMessage {
  const vocabSize = tokens.length;
  const g = new GraphBuilder('decoder');
  const kv = (name: string, len: string) =>
    g.input(name, DataType.FLOAT, ['batch_size', 1, len, 1]);
  const ids = g.input('input_ids', DataType.INT64, ['batch_size', 'decoder_sequence_length']);
  g.input('encoder_attention_mask', DataType.INT64, ['batch_size', 'encoder_sequence_length']);
  const enc = g.input('encoder_hidden_states', DataType.FLOAT, [
    'batch_size',
    'encoder_sequence_length',
    1,
  ]);
  const pastKey = kv('past_key_values.0.decoder.key', 'past_decoder_sequence_length');
  const pastValue = kv('past_key_values.0.decoder.value', 'past_decoder_sequence_length');
  kv('past_key_values.0.encoder.key', 'encoder_sequence_length_out');
  kv('past_key_values.0.encoder.value', 'encoder_sequence_length_out');
  g.input('use_cache_branch', DataType.BOOL, [1]);

  const axes13 = g.init(tensors.int64('axes_1_3', [2], [1, 3]));
  const axis0 = g.init(tensors.int64('axis_0', [1], [0]));
  const axis1 = g.init(tensors.int64('axis_1', [1], [1]));
  const axis2 = g.init(tensors.int64('axis_2', [1], [2]));
  const one = g.init(tensors.int64('one', [], [1]));

  const fed = g.op('Unsqueeze', [g.op('Cast', [ids], { to: { i: DataType.FLOAT } }), axes13]);
  g.op('Concat', [pastKey, fed], { axis: { i: 2 } }, 'present.0.decoder.key');
  g.op('Concat', [pastValue, fed], { axis: { i: 2 } }, 'present.0.decoder.value');
  // As optimum merges the decoders: the cross "cache" on the first step, empty after it.
  const cached = new GraphBuilder('use_cache');
  const computed = new GraphBuilder('compute_cross');
  const empty = cached.init(tensors.float('use_cache/empty_cross', [0, 1, 1, 1], []));
  const crossAxis = computed.init(tensors.int64('compute_cross/axis_1', [1], [1]));
  for (const kind of ['key', 'value']) {
    const name = `present.0.encoder.${kind}`;
    cached.output(
      cached.op('Identity', [empty], {}, `use_cache/${name}`),
      DataType.FLOAT,
      [0, 1, 1, 1],
    );
    computed.output(
      computed.op('Unsqueeze', [enc, crossAxis], {}, `compute_cross/${name}`),
      DataType.FLOAT,
      ['batch_size', 1, 'encoder_sequence_length', 1],
    );
  }
  g.opN('If', ['use_cache_branch'], ['present.0.encoder.key', 'present.0.encoder.value'], {
    then_branch: { g: cached.build('use_cache_branch') },
    else_branch: { g: computed.build('compute_cross_branch') },
  });

  const scalar = (vector: string) => g.op('Squeeze', [vector, axis0]);
  const past = scalar(g.op('Shape', [pastKey], { start: { i: 2 }, end: { i: 3 } }));
  const fedLength = scalar(g.op('Shape', [ids], { start: { i: 1 }, end: { i: 2 } }));
  const srcLength = scalar(g.op('Shape', [enc], { start: { i: 1 }, end: { i: 2 } }));
  const positions = g.op('Range', [past, g.op('Add', [past, fedLength]), one]);
  const source = g.op('Squeeze', [enc, axis2]);
  const target = DECODER_BEHAVIOURS.includes(behaviour)
    ? unrulyDecoderPick(g, source, positions, tokens, behaviour)
    : g.op(
        'Cast',
        [
          g.op('Gather', [source, g.op('Min', [positions, g.op('Sub', [srcLength, one])])], {
            axis: { i: 1 },
          }),
        ],
        { to: { i: DataType.INT64 } },
      );
  const depth = g.init(tensors.int64('depth', [], [vocabSize]));
  const values = g.init(tensors.float('one_hot_values', [2], [0, 100]));
  g.op('OneHot', [target, depth, values], { axis: { i: -1 } }, 'logits');

  g.output('logits', DataType.FLOAT, ['batch_size', 'decoder_sequence_length', vocabSize]);
  const present = (name: string, len: string) =>
    g.output(name, DataType.FLOAT, ['batch_size', 1, len, 1]);
  const grown = 'past_decoder_sequence_length + decoder_sequence_length';
  present('present.0.decoder.key', grown);
  present('present.0.decoder.value', grown);
  present('present.0.encoder.key', 'encoder_sequence_length');
  present('present.0.encoder.value', 'encoder_sequence_length');
  return g.build('dictionary_decoder');
}
