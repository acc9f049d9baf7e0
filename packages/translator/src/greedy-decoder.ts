import * as ort from 'onnxruntime-node';
import { TOP_K_OUTPUTS } from './logits-top-k.ts';

/** One row to generate: its source token ids and its own bounds on new tokens. */
export interface DecodeRow {
  readonly ids: readonly number[];
  /** New tokens at most; the last is end of sentence when the model forces it. */
  readonly maxNewTokens: number;
  /** New tokens before end of sentence is allowed; default 0. */
  readonly minNewTokens?: number | undefined;
}

/** The parts of a Transformers.js seq2seq model and its generation config the decoder reads. */
export interface Seq2SeqModel {
  readonly sessions?: Record<string, unknown>;
  readonly generation_config?: Record<string, unknown> | null;
  readonly config?: Record<string, unknown>;
}

interface Tokens {
  readonly start: number;
  readonly eos: ReadonlySet<number>;
  readonly firstEos: number;
  readonly pad: number;
  readonly banned: ReadonlySet<number>;
  readonly forceEos: boolean;
}

interface CacheInput {
  readonly name: string;
  /** The element type the session takes (Xenova's `*_fp16.onnx` take float16). */
  readonly type: FloatType;
  readonly output: string;
  readonly cross: boolean;
  readonly heads: number;
  readonly headDim: number;
}

type FloatType = 'float32' | 'float16';

/** Every float16 bit pattern as a number, to read float16 logits without a conversion per step. */
let halves: Float32Array | undefined;
function halfTable(): Float32Array {
  if (halves) return halves;
  halves = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const mant = h & 0x3ff;
    halves[h] =
      exp === 0
        ? sign * 2 ** -14 * (mant / 1024)
        : exp === 31
          ? mant
            ? Number.NaN
            : sign * Number.POSITIVE_INFINITY
          : sign * 2 ** (exp - 15) * (1 + mant / 1024);
  }
  return halves;
}

/** Settings Transformers.js would apply that this decoder does not: it then stands aside. */
const UNSUPPORTED = [
  'forced_bos_token_id',
  'suppress_tokens',
  'begin_suppress_tokens',
  'guidance_scale',
] as const;

/**
 * Greedy generation for Marian-style encoder-decoder exports (`encoder_model.onnx` and a
 * merged decoder with a key/value cache), driving the ONNX sessions Transformers.js loaded.
 * It does what the library's `generate` leaves undone on a CPU: a row that has finished
 * leaves the batch (its cache rows are dropped), each row has its own length bound, so a row's
 * output never depends on its neighbours, and the next token is one arg-max over the logits
 * rather than a sort of the whole vocabulary per row and step. It applies the model's own
 * generation settings (start token, end of sentence, banned tokens, forced end) and returns
 * `undefined` from {@link GreedyDecoder.for} for a model it cannot run exactly.
 *
 * @example
 * const decoder = GreedyDecoder.for(pipe.model);
 * const ids = await decoder?.generate([{ ids: [12, 7, 0], maxNewTokens: 16 }]);
 */
export class GreedyDecoder {
  readonly #encoder: ort.InferenceSession;
  readonly #decoder: ort.InferenceSession;
  readonly #tokens: Tokens;
  readonly #cache: readonly CacheInput[];
  readonly #firstFetch: readonly string[];
  readonly #nextFetch: readonly string[];
  /** Whether the session has the derived top-k outputs (see logits-top-k.ts). */
  readonly native: boolean;

  private constructor(
    encoder: ort.InferenceSession,
    decoder: ort.InferenceSession,
    tokens: Tokens,
    cache: readonly CacheInput[],
  ) {
    this.#encoder = encoder;
    this.#decoder = decoder;
    this.#tokens = tokens;
    this.#cache = cache;
    this.native = Object.values(TOP_K_OUTPUTS).every((n) => decoder.outputNames.includes(n));
    // With the derived outputs a step fetches k ids and scores a row, not the vocabulary.
    const scores = this.native ? [TOP_K_OUTPUTS.indices, TOP_K_OUTPUTS.values] : ['logits'];
    this.#firstFetch = [...scores, ...cache.map((c) => c.output)];
    this.#nextFetch = [...scores, ...cache.filter((c) => !c.cross).map((c) => c.output)];
  }

  /**
   * A decoder over the model's sessions, or `undefined` when the model is of another kind or
   * its inputs are built inside the pipeline (a prefix, or a tokenizer that adds language
   * codes): those models keep Transformers.js's `generate`.
   */
  static for(model: Seq2SeqModel, tokenizer?: object): GreedyDecoder | undefined {
    const encoder = model.sessions?.model;
    const decoder = model.sessions?.decoder_model_merged;
    const config = model.generation_config ?? {};
    const specific = model.config?.task_specific_params as Record<string, unknown> | undefined;
    if (model.config?.prefix || specific?.translation) return undefined;
    if (tokenizer && '_build_translation_inputs' in tokenizer) return undefined;
    if (!isSession(encoder) || !isSession(decoder)) return undefined;
    const required = ['input_ids', 'encoder_attention_mask', 'encoder_hidden_states'];
    if (!required.every((name) => decoder.inputNames.includes(name))) return undefined;
    if (!decoder.inputNames.includes('use_cache_branch')) return undefined;
    if (UNSUPPORTED.some((key) => isSet(config[key]))) return undefined;
    if (isSet(config.repetition_penalty) && config.repetition_penalty !== 1) return undefined;
    if (config.do_sample === true || Number(config.min_length ?? 0) > 0) return undefined;
    const tokens = readTokens(config);
    const cache = readCache(decoder);
    if (!tokens || !cache || !encoder.outputNames.includes('last_hidden_state')) return undefined;
    return new GreedyDecoder(encoder, decoder, tokens, cache);
  }

  /**
   * Generates for every row and returns the new token ids of each, in row order (end of
   * sentence included when written). `noRepeatNgramSize` forbids repeating any n-gram.
   */
  async generate(rows: readonly DecodeRow[], noRepeatNgramSize = 0): Promise<number[][]> {
    const { start, pad } = this.#tokens;
    const outputs: number[][] = rows.map(() => []);
    if (rows.length === 0) return outputs;
    let { mask, hidden } = await this.#encode(rows);
    let past: Record<string, ort.Tensor> = {};
    for (const c of this.#cache) {
      const shape = [rows.length, c.heads, 0, c.headDim];
      const empty = c.type === 'float16' ? new Uint16Array(0) : new Float32Array(0);
      past[c.name] = new ort.Tensor(c.type, empty, shape);
    }
    // The row of `rows` at each batch position; -1 for a finished row still in the tensors.
    let batch = rows.map((_, r) => r);
    let next = new BigInt64Array(rows.length).fill(BigInt(start));
    for (let step = 0; ; step++) {
      const feeds = {
        input_ids: new ort.Tensor('int64', next, [batch.length, 1]),
        encoder_attention_mask: mask,
        encoder_hidden_states: hidden,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...past,
      };
      // After the first step the cross-attention cache only passes through the graph: not
      // fetching it saves copying the largest tensors of every step out of onnxruntime.
      const out = await this.#decoder.run(feeds, step === 0 ? this.#firstFetch : this.#nextFetch);
      for (const c of this.#cache) {
        if (!c.cross || step === 0) past[c.name] = out[c.output] as ort.Tensor;
      }
      // The full logits, asked again only for a row whose k best tokens are all forbidden.
      let full: ort.Tensor | undefined = out.logits as ort.Tensor | undefined;
      const logits = async (): Promise<ort.Tensor> => {
        full ??= (await this.#decoder.run(feeds, ['logits'])).logits as ort.Tensor;
        return full;
      };
      // A finished row left in the batch is fed padding; nothing it computes is read.
      next = new BigInt64Array(batch.length).fill(BigInt(pad));
      let live = 0;
      for (const [b, r] of batch.entries()) {
        if (r < 0) continue;
        const row = rows[r] as DecodeRow;
        const written = outputs[r] as number[];
        const forbidden = this.#forbidden(row, written, noRepeatNgramSize);
        const token =
          this.#forcedEos(row, written) ??
          (this.native ? this.#pickTop(out, b, forbidden) : undefined) ??
          this.#pick(await logits(), b, forbidden);
        written.push(token);
        if (this.#tokens.eos.has(token) || written.length >= row.maxNewTokens) batch[b] = -1;
        else {
          next[b] = BigInt(token);
          live++;
        }
      }
      if (live === 0) break;
      // Dropping finished rows copies the whole cache: worth it once an eighth has finished.
      const finished = batch.length - live;
      if (finished > 0 && finished >= batch.length / 8) {
        const keep = batch.flatMap((r, b) => (r >= 0 ? [b] : []));
        mask = gather(mask, keep);
        hidden = gather(hidden, keep);
        past = Object.fromEntries(Object.entries(past).map(([k, t]) => [k, gather(t, keep)]));
        next = BigInt64Array.from(keep, (b) => next[b] as bigint);
        batch = keep.map((b) => batch[b] as number);
      }
    }
    return outputs;
  }

  /** Runs the encoder over the rows, padded on the right as the tokenizer pads them. */
  async #encode(rows: readonly DecodeRow[]): Promise<{ mask: ort.Tensor; hidden: ort.Tensor }> {
    const width = Math.max(1, ...rows.map((r) => r.ids.length));
    const ids = new BigInt64Array(rows.length * width).fill(BigInt(this.#tokens.pad));
    const attention = new BigInt64Array(rows.length * width);
    rows.forEach((row, r) => {
      row.ids.forEach((id, i) => {
        ids[r * width + i] = BigInt(id);
        attention[r * width + i] = 1n;
      });
    });
    const mask = new ort.Tensor('int64', attention, [rows.length, width]);
    const encoded = await this.#encoder.run({
      input_ids: new ort.Tensor('int64', ids, [rows.length, width]),
      attention_mask: mask,
    });
    return { mask, hidden: encoded.last_hidden_state as ort.Tensor };
  }

  /** End of sentence when the model forces it as the row's last token. */
  #forcedEos(row: DecodeRow, written: readonly number[]): number | undefined {
    const { forceEos, firstEos } = this.#tokens;
    return forceEos && written.length === row.maxNewTokens - 1 ? firstEos : undefined;
  }

  /** The tokens batch row's next step may not write under the model's settings. */
  #forbidden(row: DecodeRow, written: readonly number[], noRepeat: number): ReadonlySet<number> {
    const { eos, banned, start } = this.#tokens;
    const early = written.length < (row.minNewTokens ?? 0);
    // The model's banned tokens serve as they are unless this row must forbid more.
    if (!early && noRepeat <= 0) return banned;
    const more = new Set(banned);
    if (early) for (const id of eos) more.add(id);
    if (noRepeat > 0) for (const id of repeated([start, ...written], noRepeat)) more.add(id);
    return more;
  }

  /**
   * The next token of batch row `b` from the derived top-k outputs: the first allowed of the k
   * best (sorted best first, the lower id first among equals, as the full scan picks), or
   * `undefined` when all k are forbidden or a score is not finite (the full scan decides).
   */
  #pickTop(out: ort.InferenceSession.ReturnType, b: number, forbidden: ReadonlySet<number>) {
    const indices = out[TOP_K_OUTPUTS.indices] as ort.Tensor;
    const values = (out[TOP_K_OUTPUTS.values] as ort.Tensor).data as Float32Array;
    const ids = indices.data as BigInt64Array;
    const k = Number(indices.dims.at(-1));
    const steps = Number(indices.dims.at(1) ?? 1);
    const base = (b * steps + steps - 1) * k;
    for (let i = base; i < base + k; i++) {
      const value = values[i] as number;
      if (!(value > Number.NEGATIVE_INFINITY && value < Number.POSITIVE_INFINITY)) return undefined;
      const id = Number(ids[i]);
      if (!forbidden.has(id)) return id;
    }
    return undefined;
  }

  /** The next token of batch row `b`: the best one of the full logits not forbidden. */
  #pick(logits: ort.Tensor, b: number, forbidden: ReadonlySet<number>): number {
    const raw = logits.data as Float32Array | Uint16Array;
    // float16 logits (Xenova's `*_fp16.onnx`) come as their bit patterns.
    const table = raw instanceof Uint16Array ? halfTable() : undefined;
    const vocab = Number(logits.dims.at(-1));
    const steps = Number(logits.dims.at(1) ?? 1);
    const base = (b * steps + steps - 1) * vocab;
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < vocab; v++) {
      const bits = raw[base + v] as number;
      const x = table ? (table[bits] as number) : bits;
      if (x > bestValue && !forbidden.has(v)) {
        bestValue = x;
        best = v;
      }
    }
    return best < 0 ? this.#tokens.firstEos : best;
  }
}

function isSession(value: unknown): value is ort.InferenceSession {
  const session = value as Partial<ort.InferenceSession> | undefined;
  return typeof session?.run === 'function' && Array.isArray(session.inputMetadata);
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

function readTokens(config: Record<string, unknown>): Tokens | undefined {
  const eosList = [config.eos_token_id].flat().filter((x): x is number => Number.isInteger(x));
  const start = config.decoder_start_token_id ?? config.bos_token_id;
  const pad = config.pad_token_id ?? start;
  const bad = (config.bad_words_ids ?? []) as unknown[];
  // Banned sequences longer than one token need the prefix logic this decoder leaves out.
  if (!bad.every((w) => Array.isArray(w) && w.length === 1 && Number.isInteger(w[0])))
    return undefined;
  if (!Number.isInteger(start) || !Number.isInteger(pad) || eosList.length === 0) return undefined;
  const forced = config.forced_eos_token_id;
  return {
    start: start as number,
    pad: pad as number,
    eos: new Set(eosList),
    firstEos: isSet(forced) ? Number(forced) : (eosList[0] as number),
    banned: new Set(bad.map((w) => (w as number[])[0] as number)),
    forceEos: isSet(forced),
  };
}

function readCache(decoder: ort.InferenceSession): CacheInput[] | undefined {
  const cache: CacheInput[] = [];
  for (const meta of decoder.inputMetadata) {
    const match = /^past_key_values\.(\d+)\.(decoder|encoder)\.(key|value)$/.exec(meta.name);
    if (!match) continue;
    if (!meta.isTensor || (meta.type !== 'float32' && meta.type !== 'float16')) return undefined;
    const [, heads, , headDim] = meta.shape;
    if (typeof heads !== 'number' || typeof headDim !== 'number') return undefined;
    const output = `present.${match[1]}.${match[2]}.${match[3]}`;
    if (!decoder.outputNames.includes(output)) return undefined;
    const type = meta.type;
    cache.push({ name: meta.name, type, output, cross: match[2] === 'encoder', heads, headDim });
  }
  return cache.length > 0 ? cache : undefined;
}

/** Tokens that would complete an n-gram already in `sequence` (the no-repeat rule). */
function repeated(sequence: readonly number[], n: number): number[] {
  if (sequence.length < n) return [];
  const prefix = sequence.slice(sequence.length - n + 1).join(',');
  const found: number[] = [];
  for (let i = 0; i + n <= sequence.length; i++) {
    if (sequence.slice(i, i + n - 1).join(',') === prefix)
      found.push(sequence[i + n - 1] as number);
  }
  return found;
}

/** The rows `keep` (first dimension) of a tensor, copied. */
function gather(tensor: ort.Tensor, keep: readonly number[]): ort.Tensor {
  const [rows = 1, ...rest] = tensor.dims;
  const stride = rest.reduce((a, b) => a * b, 1);
  const source = tensor.data as Float32Array | BigInt64Array;
  const target = new (source.constructor as Float32ArrayConstructor | BigInt64ArrayConstructor)(
    keep.length * stride,
  );
  keep.forEach((b, i) => {
    if (b >= rows) throw new RangeError(`row ${b} of ${rows}`);
    // biome-ignore lint/suspicious/noExplicitAny: both typed-array kinds share `set`
    (target as any).set(source.subarray(b * stride, (b + 1) * stride), i * stride);
  });
  return new ort.Tensor(tensor.type as 'float32', target as Float32Array, [keep.length, ...rest]);
}
