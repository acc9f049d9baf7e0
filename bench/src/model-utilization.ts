import { type BenchRow, ratioRow } from './bench-row.ts';
import {
  DECODER_FLOPS_PER_TOKEN,
  ENCODER_MACS_PER_SOURCE_TOKEN,
  type GemmRate,
} from './gemm-ceiling.ts';

/**
 * Model FLOP utilization: useful FLOPs per generated token (the decoder's products, plus the
 * encoder's and the cross-attention keys' and values' share per generated token) × tokens/s ÷
 * the GEMM rate measured at the largest batch the translator ran, same precision.
 *
 * @example
 * const rows = modelUtilization({ c: 140, d: 170, e: 260 }, rates, { rows: 71, sourceTokens: 24, newTokens: 12 });
 */
export function modelUtilization(
  achieved: { c: number; d: number; e: number; e8: number },
  rates: readonly GemmRate[],
  shape: { rows: number; sourceTokens: number; newTokens: number },
): BenchRow[] {
  const flopsPerToken =
    DECODER_FLOPS_PER_TOKEN +
    (2 * ENCODER_MACS_PER_SOURCE_TOKEN * shape.sourceTokens) / shape.newTokens;
  const at = (int8: boolean) =>
    (rates.find((r) => r.int8 === int8 && r.rows === shape.rows)?.gflops ?? Number.NaN) * 1e9;
  const mfu = (tokensPerSecond: number, int8: boolean) =>
    (tokensPerSecond * flopsPerToken) / at(int8);
  const section = 'mfu';
  const note = `${(flopsPerToken / 1e6).toFixed(0)} MFLOP per generated token (${(DECODER_FLOPS_PER_TOKEN / 1e6).toFixed(0)} decoder + encoder share at ${shape.sourceTokens.toFixed(0)} source / ${shape.newTokens} new), vs GEMM at ${shape.rows} rows`;
  return [
    ratioRow(
      section,
      'MFU (c) translator fp32',
      mfu(achieved.c, false),
      { op: '>=', value: 0.7 },
      note,
    ),
    ratioRow(
      section,
      'MFU (d) translator int8',
      mfu(achieved.d, true),
      { op: '>=', value: 0.4 },
      'vs int8 GEMM rate',
    ),
    ratioRow(section, 'MFU (e) ORT floor fp32', mfu(achieved.e, false)),
    ratioRow(section, 'MFU (e8) ORT floor int8', mfu(achieved.e8, true)),
  ];
}
