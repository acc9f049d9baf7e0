import type { GraphBuilder } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import type { DictionaryBehaviour } from './dictionary-behaviour.ts';
import { META } from './dictionary-tokenizer.ts';

// Sort keys are `major * POSITIONS + position`, exact in float32 (below 2^24).
const POSITIONS = 4096;
const END = 2000;
const DROPPED = 3000;

/** Tables over the vocabulary that the unruly encoders look tokens up in. */
function vocabularyTables(tokens: readonly string[]) {
  const id = new Map(tokens.map((t, i) => [t, i]));
  const bare = (t: string) => (t.startsWith(META) ? t.slice(META.length) : t);
  const spelled = (t: string, char: string) =>
    id.get(t.startsWith(META) ? META + char : char) ?? tokens.indexOf(t);
  return {
    isLt: tokens.map((t) => (bare(t) === '<' ? 1 : 0)),
    isGt: tokens.map((t) => (bare(t) === '>' ? 1 : 0)),
    isDigit: tokens.map((t) => (/^\d$/.test(bare(t)) ? 1 : 0)),
    startsWord: tokens.map((t) => (t.startsWith(META) ? 1 : 0)),
    spaced: tokens.map((t, i) => id.get(META + bare(t)) ?? i),
    nextDigit: tokens.map((t, i) =>
      /^\d$/.test(bare(t)) ? spelled(t, String((Number(bare(t)) + 1) % 10)) : i,
    ),
    swapSeparator: tokens.map((t, i) =>
      bare(t) === ',' ? spelled(t, '.') : bare(t) === '.' ? spelled(t, ',') : i,
    ),
  };
}

/**
 * Adds to a dictionary encoder the nodes that make it unruly: from the source ids and the
 * token-for-token translation (`int64 [batch, seq]`, padding already `</s>`), the ids the
 * decoder will copy. Placeholders are found in the graph (tokens from `<` to `>`); moved
 * tokens are reordered by a sort key (TopK), dropped ones sorted past the end and cleared.
 * Returns `kept` itself for behaviours the encoder does not carry out.
 */
export function unrulyEncoderOutput(
  g: GraphBuilder,
  ids: string,
  kept: string,
  tokens: readonly string[],
  behaviour: DictionaryBehaviour,
): string {
  const tables = vocabularyTables(tokens);
  const made = new Map<string, string>();
  const table = (name: keyof typeof tables): string => {
    const known = made.get(name);
    if (known) return known;
    const init = g.init(tensors.int64(`unruly_${name}`, [tokens.length], tables[name]));
    made.set(name, init);
    return init;
  };
  const lookup = (name: keyof typeof tables, at: string) =>
    g.op('Gather', [table(name), at], { axis: { i: 0 } });
  const axis = g.init(tensors.int64('unruly_axis_1', [], [1]));
  const cumsum = (x: string) => g.op('CumSum', [x, axis]);
  const zero = g.init(tensors.int64('unruly_zero', [], [0]));
  const isLt = lookup('isLt', ids);
  const isGt = lookup('isGt', ids);
  const opened = cumsum(isLt);
  const depth = g.op('Add', [g.op('Sub', [opened, cumsum(isGt)]), isGt]);
  const inTag = g.op('Greater', [depth, zero]);
  const where = (condition: string, then: string, otherwise: string) =>
    g.op('Where', [condition, then, otherwise]);

  switch (behaviour) {
    case 'spaced-tags':
      return where(inTag, lookup('spaced', kept), kept);
    case 'renumber-tags':
      return where(inTag, lookup('nextDigit', kept), kept);
    case 'number-format': {
      const digit = lookup('isDigit', ids);
      const axis1 = g.init(tensors.int64('unruly_axes_1', [1], [1]));
      const start = g.init(tensors.int64('unruly_start', [1], [0]));
      const oneV = g.init(tensors.int64('unruly_one_v', [1], [1]));
      const minusOne = g.init(tensors.int64('unruly_minus_one', [1], [-1]));
      const huge = g.init(tensors.int64('unruly_huge', [1], [1 << 30]));
      const edge = g.op('Mul', [g.op('Slice', [digit, start, oneV, axis1]), zero]);
      const before = g.op('Concat', [edge, g.op('Slice', [digit, start, minusOne, axis1])], {
        axis: { i: 1 },
      });
      const after = g.op('Concat', [g.op('Slice', [digit, oneV, huge, axis1]), edge], {
        axis: { i: 1 },
      });
      const between = g.op('Greater', [g.op('Mul', [before, after]), zero]);
      return where(between, lookup('swapSeparator', kept), kept);
    }
    case 'drop-tags':
    case 'drop-one-tag':
    case 'tags-to-end':
    case 'misplace-tags':
      break;
    default:
      return kept;
  }

  const int = (x: string) => g.op('Cast', [x], { to: { i: DataType.INT64 } });
  const one = g.init(tensors.int64('unruly_one', [], [1]));
  const tagFlag = int(inTag);
  let major: string;
  let dropped: string | undefined;
  if (behaviour === 'tags-to-end') major = tagFlag;
  else if (behaviour === 'misplace-tags') {
    const word = cumsum(lookup('startsWord', ids));
    const three = g.init(tensors.int64('unruly_three', [], [3]));
    major = g.op('Add', [g.op('Add', [word, word]), g.op('Mul', [tagFlag, three])]);
  } else {
    const first = g.op('Equal', [opened, one]);
    dropped = behaviour === 'drop-tags' ? inTag : g.op('And', [inTag, first]);
    major = zero;
  }
  const ended = g.op('Equal', [kept, zero]);
  const endMajor = g.init(tensors.int64('unruly_end', [], [END]));
  major = where(ended, endMajor, g.op('Add', [major, g.op('Mul', [kept, zero])]));
  if (dropped) {
    major = where(dropped, g.init(tensors.int64('unruly_dropped', [], [DROPPED])), major);
  }
  const length = g.op('Shape', [ids], { start: { i: 1 }, end: { i: 2 } });
  const lengthScalar = g.op('Squeeze', [length, g.init(tensors.int64('unruly_axes_0', [1], [0]))]);
  const positions = g.op('Range', [zero, lengthScalar, one]);
  const scale = g.init(tensors.int64('unruly_positions', [], [POSITIONS]));
  const key = g.op('Cast', [g.op('Add', [g.op('Mul', [major, scale]), positions])], {
    to: { i: DataType.FLOAT },
  });
  const [, order = ''] = g.opN('TopK', [key, length], [g.fresh('sorted'), g.fresh('order')], {
    axis: { i: 1 },
    largest: { i: 0 },
    sorted: { i: 1 },
  });
  const sorted = g.op('GatherElements', [kept, order], { axis: { i: 1 } });
  if (!dropped) return sorted;
  const axes1 = g.init(tensors.int64('unruly_reduce_axes', [1], [1]));
  const lost = g.op('ReduceSum', [int(dropped), axes1], { keepdims: { i: 1 } });
  const live = g.op('Less', [positions, g.op('Sub', [lengthScalar, lost])]);
  return g.op('Mul', [sorted, int(live)]);
}
