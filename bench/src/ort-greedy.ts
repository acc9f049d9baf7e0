import { join } from 'node:path';
import { OPUS_SHAPE } from '@tidings/test-models';
import * as ort from 'onnxruntime-node';

/** A batch already tokenized: rows padded to one length, with their attention mask. */
export interface TokenBatch {
  readonly ids: BigInt64Array;
  readonly mask: BigInt64Array;
  readonly rows: number;
  readonly length: number;
}

const EOS = 0;
const PAD = 58_100;

/**
 * The floor of generation: the encoder and the merged decoder of a Marian export driven
 * directly on onnxruntime-node, greedy, with the key/value cache, nothing else around them.
 * End of sentence and padding are forbidden so that every row writes exactly `newTokens`.
 *
 * @example
 * const floor = await OrtGreedy.open(onnxDir, { quantized: false, threads: 2 });
 * await floor.generate(batch, 16);
 */
export class OrtGreedy {
  readonly #encoder: ort.InferenceSession;
  readonly #decoder: ort.InferenceSession;

  private constructor(encoder: ort.InferenceSession, decoder: ort.InferenceSession) {
    this.#encoder = encoder;
    this.#decoder = decoder;
  }

  /** Opens `encoder_model(.._quantized).onnx` and `decoder_model_merged(_quantized).onnx`. */
  static async open(
    onnxDir: string,
    options: { quantized: boolean; threads: number },
  ): Promise<OrtGreedy> {
    const suffix = options.quantized ? '_quantized' : '';
    const session = { intraOpNumThreads: options.threads, interOpNumThreads: 1 };
    return new OrtGreedy(
      await ort.InferenceSession.create(join(onnxDir, `encoder_model${suffix}.onnx`), session),
      await ort.InferenceSession.create(
        join(onnxDir, `decoder_model_merged${suffix}.onnx`),
        session,
      ),
    );
  }

  /** Generates `newTokens` tokens for every row; returns the last token of each row. */
  async generate(batch: TokenBatch, newTokens: number): Promise<bigint[]> {
    const { rows, length } = batch;
    const { layers, heads, headDim } = OPUS_SHAPE;
    const mask = new ort.Tensor('int64', batch.mask, [rows, length]);
    const { last_hidden_state: hidden } = await this.#encoder.run({
      input_ids: new ort.Tensor('int64', batch.ids, [rows, length]),
      attention_mask: mask,
    });
    const empty = new ort.Tensor('float32', new Float32Array(0), [rows, heads, 0, headDim]);
    const past: Record<string, ort.Tensor> = {};
    for (let i = 0; i < layers; i++) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${i}.decoder.${kind}`] = empty;
        past[`past_key_values.${i}.encoder.${kind}`] = empty;
      }
    }
    // After the first step only the logits and the self-attention cache are fetched: the
    // cross-attention cache passes through unchanged (as the translator's own loop does).
    const selfOutputs = this.#decoder.outputNames.filter((n) => n.includes('.decoder.'));
    const later = ['logits', ...selfOutputs];
    let next: BigInt64Array<ArrayBuffer> = new BigInt64Array(rows).fill(BigInt(PAD));
    for (let step = 0; step < newTokens; step++) {
      const feeds = {
        input_ids: new ort.Tensor('int64', next, [rows, 1]),
        encoder_attention_mask: mask,
        encoder_hidden_states: hidden as ort.Tensor,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...past,
      };
      const out = await this.#decoder.run(feeds, step === 0 ? this.#decoder.outputNames : later);
      next = argmax(out.logits as ort.Tensor, rows);
      for (let i = 0; i < layers; i++) {
        for (const kind of ['key', 'value']) {
          const self = out[`present.${i}.decoder.${kind}`];
          if (self) past[`past_key_values.${i}.decoder.${kind}`] = self;
          if (step === 0) {
            const cross = out[`present.${i}.encoder.${kind}`];
            if (cross) past[`past_key_values.${i}.encoder.${kind}`] = cross;
          }
        }
      }
    }
    return [...next];
  }

  /** Releases both sessions. */
  async release(): Promise<void> {
    await this.#encoder.release();
    await this.#decoder.release();
  }
}

function argmax(logits: ort.Tensor, rows: number): BigInt64Array<ArrayBuffer> {
  const data = logits.data as Float32Array;
  const vocab = logits.dims[logits.dims.length - 1] ?? 1;
  const steps = logits.dims.length === 3 ? (logits.dims[1] ?? 1) : 1;
  const out = new BigInt64Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = (r * steps + steps - 1) * vocab;
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < vocab; v++) {
      if (v === EOS || v === PAD) continue;
      const x = data[base + v] ?? Number.NEGATIVE_INFINITY;
      if (x > bestValue) {
        bestValue = x;
        best = v;
      }
    }
    out[r] = BigInt(best);
  }
  return out;
}
