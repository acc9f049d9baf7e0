import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { OPUS_SHAPE } from './opus-sized/opus-shape.ts';

/** What one decoder-step measurement used and found. */
export interface StepTiming {
  file: string;
  batch: number;
  /** Median milliseconds of one cached step (one new token per row). */
  ms: number;
}

/**
 * Times one cached step of a merged decoder run directly on onnxruntime-node (no
 * Transformers.js): one new token per row, a 16-token self-attention cache, a 32-token
 * source. Returns the median of `runs` after a warm-up.
 */
export async function benchDecoderStep(
  onnxDir: string,
  file: string,
  batches: readonly number[],
  options: { threads: number; runs: number },
): Promise<StepTiming[]> {
  const session = await ort.InferenceSession.create(join(onnxDir, file), {
    intraOpNumThreads: options.threads,
    interOpNumThreads: 1,
  });
  const { layers, heads, headDim, dModel } = OPUS_SHAPE;
  const source = 32;
  const past = 16;
  const timings: StepTiming[] = [];
  for (const batch of batches) {
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', new BigInt64Array(batch).fill(5n), [batch, 1]),
      encoder_attention_mask: new ort.Tensor('int64', new BigInt64Array(batch * source).fill(1n), [
        batch,
        source,
      ]),
      encoder_hidden_states: new ort.Tensor(
        'float32',
        new Float32Array(batch * source * dModel).fill(0.1),
        [batch, source, dModel],
      ),
      use_cache_branch: new ort.Tensor('bool', [true], [1]),
    };
    for (let i = 0; i < layers; i++) {
      for (const kind of ['key', 'value']) {
        const cache = (length: number) =>
          new ort.Tensor('float32', new Float32Array(batch * heads * length * headDim).fill(0.01), [
            batch,
            heads,
            length,
            headDim,
          ]);
        feeds[`past_key_values.${i}.decoder.${kind}`] = cache(past);
        feeds[`past_key_values.${i}.encoder.${kind}`] = cache(source);
      }
    }
    await session.run(feeds);
    const times: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const started = performance.now();
      await session.run(feeds);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    timings.push({ file, batch, ms: times[Math.floor(times.length / 2)] ?? Number.NaN });
  }
  await session.release();
  return timings;
}
