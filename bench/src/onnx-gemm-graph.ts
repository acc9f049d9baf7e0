import { DataType, encodeModel, GraphBuilder, tensors } from '@tidings/test-models';

/**
 * A one-node-deep ONNX model of `Y = A · W` with `A` an input of `[m, k]` and `W` a seeded
 * `[k, n]` weight: `MatMul` in fp32, or, as ONNX Runtime's dynamic quantization writes it,
 * `DynamicQuantizeLinear` of `A`, `MatMulInteger` with signed int8 weights, then the int32
 * product cast and rescaled (the pattern ONNX Runtime fuses into `DynamicQuantizeMatMul`).
 * Written with the test models' own ONNX writer.
 *
 * @example
 * const bytes = gemmGraph({ m: 64, k: 512, n: 2048, int8: true });
 * await ort.InferenceSession.create(bytes);
 */
export function gemmGraph(shape: { m: number; k: number; n: number; int8: boolean }): Uint8Array {
  const { m, k, n, int8 } = shape;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const g = new GraphBuilder('gemm');
  const a = g.input('A', DataType.FLOAT, [m, k]);
  if (int8) {
    const w = g.init(
      tensors.int8(
        'W',
        [k, n],
        new Int8Array(k * n).map(() => Math.floor(random() * 255) - 127),
      ),
    );
    const wZero = g.init(tensors.int8('W_zero', [], new Int8Array(1)));
    const wScale = g.init(tensors.float('W_scale', [], [0.01]));
    const [aq = '', aScale = '', aZero = ''] = g.opN(
      'DynamicQuantizeLinear',
      [a],
      ['A_q', 'A_scale', 'A_zero'],
    );
    const product = g.op('MatMulInteger', [aq, w, aZero, wZero]);
    const scale = g.op('Mul', [aScale, wScale]);
    const asFloat = g.op('Cast', [product], { to: { i: DataType.FLOAT } });
    g.op('Mul', [asFloat, scale], {}, 'Y');
  } else {
    const w = g.init(
      tensors.float(
        'W',
        [k, n],
        new Float32Array(k * n).map(() => (random() - 0.5) * 0.1),
      ),
    );
    g.op('MatMul', [a, w], {}, 'Y');
  }
  g.output('Y', DataType.FLOAT, [m, n]);
  return encodeModel(g.build('gemm'));
}
