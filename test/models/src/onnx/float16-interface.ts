import type { GraphMessage, TensorMessage } from './graph-builder.ts';
import { DataType } from './onnx-proto.ts';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The IEEE half-precision bits nearest to `value` (ties to even), finite values kept finite. */
function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  // A finite constant beyond float16 (an attention mask's -3.4e38) becomes the largest finite
  // one, as float16 exports clamp them: infinity would turn `0 * mask` into NaN.
  if (e >= 0x1f) return sign | 0x7bff;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

function toFloat16Tensor(tensor: TensorMessage, name: string): TensorMessage {
  const raw = tensor.rawData;
  const floats = new Float32Array(
    raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength),
  );
  const halves = Uint16Array.from(floats, toHalf);
  return {
    name,
    dims: tensor.dims,
    dataType: DataType.FLOAT16,
    rawData: new Uint8Array(halves.buffer),
  };
}

function renamed(graph: GraphMessage, names: ReadonlyMap<string, string>): GraphMessage {
  return {
    ...graph,
    node: graph.node.map((node) => ({
      ...node,
      input: node.input.map((n) => names.get(n) ?? n),
      output: node.output.map((n) => names.get(n) ?? n),
      attribute: node.attribute.map((a) => (a.g ? { ...a, g: renamed(a.g, names) } : a)),
    })),
  };
}

/**
 * The float16 variant of a float32 graph, as Xenova's `*_fp16.onnx` files present themselves:
 * float weights stored as float16, and every float input and output (hidden states, the
 * key/value cache, logits) float16. Inside, the graph still computes in float32 (Cast nodes at
 * its edges), as ONNX Runtime's CPU provider does for most float16 operators anyway.
 *
 * @example
 * await writeModel('decoder_model_merged_fp16.onnx', toFloat16Interface(opusDecoder('fp32')));
 */
export function toFloat16Interface(graph: GraphMessage): GraphMessage {
  const names = new Map<string, string>();
  const casts: GraphMessage['node'] = [];
  const cast = (from: string, to: string, type: number) =>
    ({
      name: `fp16_cast/${to}`,
      opType: 'Cast',
      domain: '',
      input: [from],
      output: [to],
      attribute: [{ name: 'to', type: 2, i: type }],
    }) as GraphMessage['node'][number];
  const initializer = graph.initializer.map((t) => {
    if (t.dataType !== DataType.FLOAT) return t;
    casts.push(cast(`${t.name}/fp16`, t.name, DataType.FLOAT));
    return toFloat16Tensor(t, `${t.name}/fp16`);
  });
  const input = graph.input.map((v) => {
    if (v.type.tensorType.elemType !== DataType.FLOAT) return v;
    names.set(v.name, `${v.name}/fp32`);
    casts.push(cast(v.name, `${v.name}/fp32`, DataType.FLOAT));
    return { ...v, type: { tensorType: { ...v.type.tensorType, elemType: DataType.FLOAT16 } } };
  });
  const outputCasts: GraphMessage['node'] = [];
  const output = graph.output.map((v) => {
    if (v.type.tensorType.elemType !== DataType.FLOAT) return v;
    names.set(v.name, `${v.name}/fp32`);
    outputCasts.push(cast(`${v.name}/fp32`, v.name, DataType.FLOAT16));
    return { ...v, type: { tensorType: { ...v.type.tensorType, elemType: DataType.FLOAT16 } } };
  });
  const body = renamed(graph, names);
  return {
    ...body,
    initializer,
    input,
    output,
    node: [...casts, ...body.node, ...outputCasts],
  };
}
