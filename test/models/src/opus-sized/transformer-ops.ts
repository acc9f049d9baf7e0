import type { GraphBuilder } from '../onnx/graph-builder.ts';
import { DataType } from '../onnx/onnx-proto.ts';
import { tensors } from '../onnx/tensors.ts';
import { OPUS_SHAPE, type Precision } from './opus-shape.ts';
import { quantizeInt8, seededWeights } from './seeded-weights.ts';

const { dModel, heads, headDim } = OPUS_SHAPE;

/**
 * The building blocks of a Marian transformer (post-norm layers, swish feed-forward,
 * multi-head attention) with seeded random weights, in fp32 or in int8 the way ONNX
 * Runtime's dynamic quantization writes it: `DynamicQuantizeLinear` on the activation,
 * `MatMulInteger` with signed int8 weights (zero point 0), `Cast`, then a multiply by the
 * product of both scales, then the bias. Weights are initializers of `root`; nodes go to
 * `g` (which may be a branch of an `If` that reads the outer scope).
 */
export class TransformerOps {
  private readonly quantized = new Map<string, string[]>();

  constructor(
    readonly g: GraphBuilder,
    private readonly root: GraphBuilder,
    private readonly precision: Precision,
    private readonly constants: Set<string> = new Set(),
  ) {}

  /** The same ops writing into another graph (an `If` branch) with the same weights. */
  branch(g: GraphBuilder): TransformerOps {
    return new TransformerOps(g, this.root, this.precision, this.constants);
  }

  /** A small int64 constant, shared by name. */
  ints(values: number[], scalar = false): string {
    const name = `const_i64_${scalar ? 's' : 'v'}_${values.join('_').replaceAll('-', 'm')}`;
    if (!this.constants.has(name)) {
      this.root.init(tensors.int64(name, scalar ? [] : [values.length], values));
      this.constants.add(name);
    }
    return name;
  }

  /** A float constant, shared by name. */
  float(value: number): string {
    const name = `const_f32_${String(value).replace(/[^0-9a-z]/gi, '_')}`;
    if (!this.constants.has(name)) {
      this.root.init(tensors.float(name, [], [value]));
      this.constants.add(name);
    }
    return name;
  }

  /** `x · W + b` for a weight `[inDim, outDim]` named `prefix.weight`. */
  linear(x: string, prefix: string, inDim: number, outDim: number): string {
    const g = this.g;
    const weights = seededWeights(`${prefix}.weight`, inDim * outDim, 1 / Math.sqrt(inDim));
    const bias = this.root.init(
      tensors.float(`${prefix}.bias`, [outDim], seededWeights(`${prefix}.bias`, outDim, 0.02)),
    );
    return g.op('Add', [this.matmul(x, prefix, weights, [inDim, outDim]), bias]);
  }

  /** `x · W` for a constant weight, quantized when the precision says so. */
  matmul(x: string, prefix: string, weights: Float32Array, dims: number[]): string {
    if (this.precision === 'fp32') {
      return this.g.op('MatMul', [
        x,
        this.root.init(tensors.float(`${prefix}.weight`, dims, weights)),
      ]);
    }
    return this.matmulInt8(x, this.quantizedWeight(prefix, weights, dims));
  }

  /** `x · W` for an int8 weight: dynamic quantization of `x`, integer product, rescale. */
  matmulInt8(x: string, w: { w: string; scale: string; zero: string }): string {
    const g = this.g;
    const [xq, xScale, xZero] = this.dynamicQuantize(x);
    const product = g.op('MatMulInteger', [xq ?? '', w.w, xZero ?? '', w.zero]);
    const asFloat = g.op('Cast', [product], { to: { i: DataType.FLOAT } });
    return g.op('Mul', [asFloat, g.op('Mul', [xScale ?? '', w.scale])]);
  }

  /** Stores an int8 weight with its scale and zero point; returns their names. */
  quantizedWeight(
    prefix: string,
    weights: Float32Array,
    dims: number[],
  ): { w: string; scale: string; zero: string } {
    const { data, scale } = quantizeInt8(weights);
    return {
      w: this.root.init(tensors.int8(`${prefix}.weight_quantized`, dims, data)),
      scale: this.root.init(tensors.float(`${prefix}.weight_scale`, [], [scale])),
      zero: this.root.init(tensors.int8(`${prefix}.weight_zero_point`, [], new Int8Array(1))),
    };
  }

  private dynamicQuantize(x: string): string[] {
    let outputs = this.quantized.get(x);
    if (!outputs) {
      const g = this.g;
      outputs = g.opN(
        'DynamicQuantizeLinear',
        [x],
        [g.fresh('x_q'), g.fresh('x_scale'), g.fresh('x_zp')],
      );
      this.quantized.set(x, outputs);
    }
    return outputs;
  }

  /** Layer normalization over the model dimension (gamma 1, beta 0, epsilon 1e-5). */
  layerNorm(x: string, prefix: string): string {
    const gamma = this.root.init(
      tensors.float(`${prefix}.weight`, [dModel], new Float32Array(dModel).fill(1)),
    );
    const beta = this.root.init(
      tensors.float(`${prefix}.bias`, [dModel], new Float32Array(dModel)),
    );
    return this.g.op('LayerNormalization', [x, gamma, beta], {
      axis: { i: -1 },
      epsilon: { f: 1e-5 },
    });
  }

  /** `fc2(swish(fc1(x)))`. */
  feedForward(x: string, prefix: string): string {
    const hidden = this.linear(x, `${prefix}.fc1`, dModel, OPUS_SHAPE.ffn);
    const swish = this.g.op('Mul', [hidden, this.g.op('Sigmoid', [hidden])]);
    return this.linear(swish, `${prefix}.fc2`, OPUS_SHAPE.ffn, dModel);
  }

  /** A projection split into heads: `[batch, seq, d]` -> `[batch, heads, seq, headDim]`. */
  heads(x: string, prefix: string): string {
    const projected = this.linear(x, prefix, dModel, dModel);
    const split = this.g.op('Reshape', [projected, this.ints([0, 0, heads, headDim])]);
    return this.g.op('Transpose', [split], { perm: { ints: [0, 2, 1, 3] } });
  }

  /**
   * Scaled dot-product attention of `query` (`[batch, seq, d]`, projected here) over split
   * keys and values, plus an additive `bias` broadcast to `[batch, heads, seq, keys]`,
   * followed by the output projection.
   */
  attention(query: string, keys: string, values: string, bias: string, prefix: string): string {
    const g = this.g;
    const q = g.op('Mul', [
      this.heads(query, `${prefix}.q_proj`),
      this.float(1 / Math.sqrt(headDim)),
    ]);
    const kT = g.op('Transpose', [keys], { perm: { ints: [0, 1, 3, 2] } });
    const scores = g.op('Add', [g.op('MatMul', [q, kT]), bias]);
    const weights = g.op('Softmax', [scores], { axis: { i: -1 } });
    const context = g.op('Transpose', [g.op('MatMul', [weights, values])], {
      perm: { ints: [0, 2, 1, 3] },
    });
    const merged = g.op('Reshape', [context, this.ints([0, 0, dModel])]);
    return this.linear(merged, `${prefix}.out_proj`, dModel, dModel);
  }

  /** The additive attention bias of a 0/1 mask `[batch, keys]`: `[batch, 1, 1, keys]`. */
  maskBias(mask: string): string {
    const g = this.g;
    const asFloat = g.op('Cast', [mask], { to: { i: DataType.FLOAT } });
    const blocked = g.op('Sub', [this.float(1), asFloat]);
    const bias = g.op('Mul', [blocked, this.float(-1e9)]);
    return g.op('Unsqueeze', [bias, this.ints([1, 2])]);
  }
}
