import * as ort from 'onnxruntime-node';
import type { BenchRow } from './bench-row.ts';
import { median } from './measure.ts';
import { gemmGraph } from './onnx-gemm-graph.ts';

/** The decoder's matrix products per generated token: `[rows, k] · [k, n]`, `count` of each. */
export const DECODER_GEMMS = [
  {
    k: 512,
    n: 512,
    count: 36,
    what: 'attention projections (self q,k,v,o + cross q,o) × 6 layers',
  },
  { k: 512, n: 2048, count: 6, what: 'FFN up × 6' },
  { k: 2048, n: 512, count: 6, what: 'FFN down × 6' },
  { k: 512, n: 58_101, count: 1, what: 'output projection to the vocabulary' },
] as const;

/** Multiply-adds per source token of the encoder, plus the cross-attention keys and values. */
export const ENCODER_MACS_PER_SOURCE_TOKEN =
  6 * (4 * 512 * 512 + 2 * 512 * 2048) + 6 * 2 * 512 * 512;

/** Useful FLOPs per generated token of the decoder's matrix products (2 × multiply-adds). */
export const DECODER_FLOPS_PER_TOKEN = DECODER_GEMMS.reduce(
  (s, g) => s + 2 * g.k * g.n * g.count,
  0,
);

/** The GEMM rate of one precision at one row count: FLOP/s over the decoder's mix of shapes. */
export interface GemmRate {
  readonly int8: boolean;
  readonly rows: number;
  readonly gflops: number;
}

async function timeShape(
  m: number,
  k: number,
  n: number,
  int8: boolean,
  threads: number,
  runs: number,
) {
  const session = await ort.InferenceSession.create(gemmGraph({ m, k, n, int8 }), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
  const input = new ort.Tensor(
    'float32',
    new Float32Array(m * k).map((_, i) => ((i % 97) - 48) / 97),
    [m, k],
  );
  await session.run({ A: input });
  // Enough repetitions per sample for ~50 ms, so timer and call overhead are small.
  const t0 = performance.now();
  await session.run({ A: input });
  const reps = Math.max(1, Math.ceil(50 / Math.max(0.01, performance.now() - t0)));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (let i = 0; i < reps; i++) await session.run({ A: input });
    samples.push((performance.now() - started) / 1000 / reps);
  }
  await session.release();
  return median(samples);
}

/**
 * Measures the rate ONNX Runtime reaches here on the decoder's matrix shapes, one tiny graph
 * per shape, fp32 (`MatMul`) and int8 (`DynamicQuantizeLinear` + `MatMulInteger`, signed
 * weights), at each row count; the rate is the FLOPs of one decoder step's products over the
 * time they take together.
 *
 * @example
 * const rates = await gemmCeiling([1, 64], { threads: 2, runs: 5 }, console.log);
 */
export async function gemmCeiling(
  rowCounts: readonly number[],
  options: { threads: number; runs: number },
  progress: (line: string) => void,
): Promise<{ rates: GemmRate[]; rows: BenchRow[] }> {
  const rates: GemmRate[] = [];
  const rows: BenchRow[] = [];
  for (const int8 of [false, true]) {
    for (const m of rowCounts) {
      let seconds = 0;
      for (const g of DECODER_GEMMS) {
        seconds += g.count * (await timeShape(m, g.k, g.n, int8, options.threads, options.runs));
      }
      const gflops = (m * DECODER_FLOPS_PER_TOKEN) / seconds / 1e9;
      rates.push({ int8, rows: m, gflops });
      const label = `${int8 ? 'int8 DynamicQuantizeLinear+MatMulInteger' : 'fp32 MatMul'}, ${m} rows, ${options.threads} thread${options.threads === 1 ? '' : 's'}`;
      progress(`  gemm ${label}: ${gflops.toFixed(1)} GFLOP/s`);
      rows.push({
        section: 'gemm',
        name: label,
        value: gflops,
        unit: 'GFLOP/s',
        note: `decoder mix, ${(m / seconds).toFixed(0)} tokens/s ceiling, ${options.threads} threads`,
      });
    }
  }
  return { rates, rows };
}
