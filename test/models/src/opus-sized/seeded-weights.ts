/** The seed of every random weight of the Opus-MT-sized model. */
export const WEIGHT_SEED = 20251105;

function hash(text: string): number {
  let h = 0x811c9dc5 ^ WEIGHT_SEED;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Uniform random weights in `[-bound, bound]`, a pure function of the tensor's name and the
 * fixed seed (mulberry32), so the fp32 and int8 files hold the same model without keeping
 * both in memory.
 */
export function seededWeights(name: string, count: number, bound: number): Float32Array {
  const out = new Float32Array(count);
  let state = hash(name);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * bound;
  }
  return out;
}

/** Symmetric per-tensor int8 quantization, as ONNX Runtime quantizes weights (zero point 0). */
export function quantizeInt8(values: Float32Array): { data: Int8Array; scale: number } {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 127;
  const data = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Math.round((values[i] ?? 0) / scale);
  return { data, scale };
}

/**
 * Marian's static sinusoidal positions: for position `p` and `j < d/2`, column `j` holds
 * `sin(p / 10000^(2j/d))` and column `d/2 + j` holds `cos` of the same angle.
 */
export function sinusoidalPositions(positions: number, dim: number): Float32Array {
  const out = new Float32Array(positions * dim);
  const half = dim / 2;
  for (let p = 0; p < positions; p++) {
    for (let j = 0; j < half; j++) {
      const angle = p / 10000 ** ((2 * j) / dim);
      out[p * dim + j] = Math.sin(angle);
      out[p * dim + half + j] = Math.cos(angle);
    }
  }
  return out;
}
