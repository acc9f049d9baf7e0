import { access } from 'node:fs/promises';
import { join } from 'node:path';
import {
  env,
  LogLevel,
  type ProgressInfo,
  pipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { ModelPrefixError, ModelUnavailableError } from './errors.ts';
import { GreedyDecoder, type Seq2SeqModel } from './greedy-decoder.ts';
import { DEFAULT_TOP_K, useTopKDecoder } from './logits-top-k.ts';
import { decoderFile, languageTokens, type ModelDtype } from './model-files.ts';
import type { RouteStep } from './model-map.ts';

/** Where models come from and how they run (MODELS_DIR, ALLOW_REMOTE_MODELS, …). */
export interface ModelPoolOptions {
  /** Directory holding `<model id>/config.json`, `onnx/…` (MODELS_DIR). */
  readonly modelsDir: string;
  /** Download missing models from the hub into `modelsDir` (ALLOW_REMOTE_MODELS); default false. */
  readonly allowRemoteModels?: boolean | undefined;
  /** The model hub or mirror to download from (MODEL_HUB_URL); default Transformers.js's own. */
  readonly remoteHost?: string | undefined;
  /** Models kept loaded at once; the least recently used is unloaded (MODEL_CACHE_SIZE); default 4. */
  readonly cacheSize?: number | undefined;
  /** onnxruntime intra-op threads per session (ORT_THREADS); default: onnxruntime's choice. */
  readonly ortThreads?: number | undefined;
  /** Told how long each model took to load (for metrics). */
  readonly onLoad?: ((model: string, milliseconds: number) => void) | undefined;
  /** Weights to load: `fp32` (`model.onnx`) or a quantized variant such as `q8` (MODEL_DTYPE). */
  readonly dtype?: ModelDtype | undefined;
  /**
   * `greedy` (the default) generates with Tidings' own loop over the model's ONNX sessions
   * ({@link GreedyDecoder}) wherever the model allows, else with the pipeline; `pipeline`
   * always calls Transformers.js's `generate` (for comparison in tests and benchmarks).
   */
  readonly decoding?: 'greedy' | 'pipeline' | undefined;
}

/** Generation settings for one model run. */
export interface GenerateOptions {
  /** Longest output allowed, as a multiple of the longest input in tokens; default 2. */
  readonly lengthFactor?: number | undefined;
  /** Forbid repeating any n-gram of this size (used when retrying a looping segment). */
  readonly noRepeatNgramSize?: number | undefined;
  /** New tokens at most, for every row, instead of the length factor (tests, benchmarks). */
  readonly maxNewTokens?: number | undefined;
  /** New tokens before end of sentence may be written; default 0. */
  readonly minNewTokens?: number | undefined;
}

/** Progress of {@link ModelPool.pull}, as Transformers.js reports it per file. */
export interface PullProgress {
  readonly model: string;
  /** `initiate`, `download`, `progress`, `done`, `ready`… */
  readonly status: string;
  readonly file?: string | undefined;
  /** Percent of the file loaded, when known. */
  readonly progress?: number | undefined;
}

interface Entry {
  readonly loading: Promise<TranslationPipeline>;
  users: number;
  lastUsed: number;
}

/**
 * Loads translation models lazily and keeps at most `cacheSize` of them, unloading the least
 * recently used idle one (its ONNX sessions are released with `dispose()`). Transformers.js
 * keeps its paths in one global `env`; the pool sets them before each load and names its own
 * directory as the load's `cache_dir`, so pools over different directories do not mix.
 *
 * @example
 * const pool = new ModelPool({ modelsDir: '/srv/models', ortThreads: 2 });
 * await pool.translate(step, ['Hello.'], {}); // ['Hola.']
 */
export class ModelPool {
  readonly #options: ModelPoolOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #decoders = new WeakMap<TranslationPipeline, GreedyDecoder | null>();
  #clock = 0;

  constructor(options: ModelPoolOptions) {
    this.#options = options;
  }

  /** Ids of the models loaded (or loading) now, least recently used first. */
  get loaded(): string[] {
    return [...this.#entries.entries()]
      .sort((a, b) => a[1].lastUsed - b[1].lastUsed)
      .map(([id]) => id);
  }

  /**
   * How many tokens the model's own tokenizer makes of each text (its prefix included), so
   * batches are planned on real lengths rather than a guess. Loads the model if need be.
   */
  async countTokens(step: RouteStep, texts: readonly string[]): Promise<number[]> {
    const entry = this.#acquire(step.model);
    try {
      const loaded = await entry.loading;
      checkPrefix(step, loaded);
      const { tokenizer } = loaded;
      return texts.map((t) => tokenizer.encode(step.prefix ? `${step.prefix} ${t}` : t).length);
    } finally {
      entry.users--;
      await this.#evict();
    }
  }

  /**
   * Translates texts with one model, in one batch; outputs are in input order. A text longer
   * than the model's input limit (which the pipeline would silently truncate) is halved at a
   * space and its halves translated in its place, so nothing is ever cut off.
   */
  async translate(
    step: RouteStep,
    texts: readonly string[],
    options: GenerateOptions,
  ): Promise<string[]> {
    const entry = this.#acquire(step.model);
    const pieces: string[] = [];
    const groups: number[][] = [];
    try {
      const translator = await entry.loading;
      checkPrefix(step, translator);
      const inputs = step.prefix ? texts.map((t) => `${step.prefix} ${t}`) : [...texts];
      const limit = Math.min(512, Number(translator.tokenizer.model_max_length) || 512);
      const encoded = inputs.map((t) => translator.tokenizer.encode(t));
      const lengths = encoded.map((ids) => ids.length);
      // Bounding the output by the real input length stops a looping decoder early.
      const bound = (tokens: number) =>
        options.maxNewTokens ?? Math.min(512, Math.ceil(tokens * (options.lengthFactor ?? 2)) + 10);
      const fits = lengths.every((n) => n <= limit);
      const decoder = step.srcLang ? undefined : this.#decoder(translator);
      if (decoder && fits) {
        const rows = encoded.map((ids) => ({
          ids,
          maxNewTokens: bound(ids.length),
          minNewTokens: options.minNewTokens,
        }));
        const output = await decoder.generate(rows, options.noRepeatNgramSize);
        return output.map((ids) => translator.tokenizer.decode(ids, DECODE));
      }
      if (fits) {
        const output = await translator(inputs, {
          max_new_tokens: bound(Math.max(0, ...lengths)),
          ...(options.minNewTokens ? { min_new_tokens: options.minNewTokens } : {}),
          ...(options.noRepeatNgramSize ? { no_repeat_ngram_size: options.noRepeatNgramSize } : {}),
          ...(step.srcLang ? { src_lang: step.srcLang, tgt_lang: step.tgtLang } : {}),
        });
        const rows = (Array.isArray(output) ? output : [output]).flat();
        return rows.map((row) => ('translation_text' in row ? String(row.translation_text) : ''));
      }
      for (const [i, text] of texts.entries()) {
        const group: number[] = [];
        for (const part of (lengths[i] ?? 0) > limit ? halve(text) : [text]) {
          group.push(pieces.length);
          pieces.push(part);
        }
        groups.push(group);
      }
    } finally {
      entry.users--;
      await this.#evict();
    }
    const outputs = await this.translate(step, pieces, options);
    return groups.map((group) => group.map((i) => outputs[i] ?? '').join(' '));
  }

  /**
   * Loads a step's model now, if it is not loaded, and runs it once on a small batch of
   * news-length sentences (a few new tokens), so that the first real batch finds its sessions,
   * their memory and the decoding code ready: what a worker does at start (PRELOAD_MODELS).
   * Rejects as a job's load would.
   *
   * @example
   * await pool.warm({ model: 'Xenova/opus-mt-en-es', from: 'en', to: 'es' });
   */
  async warm(step: RouteStep): Promise<void> {
    // Shaped like an article's batch rather than a toy one: ONNX Runtime grows its memory arena
    // on the first sight of a larger tensor, so the warm-up's must be at least an ordinary
    // article's (24 rows, the longest a long news sentence of about 70 tokens, 12 new tokens:
    // the encoder's input, the cross-attention cache and the self-attention cache reach the
    // sizes of a seed-sized article's).
    const rows = Array.from({ length: 24 }, (_, i) => WARM_UP[i % WARM_UP.length] ?? '');
    await this.translate(step, rows, { minNewTokens: 12, maxNewTokens: 12 });
  }

  /**
   * Makes sure a model is in `modelsDir`, downloading it when remote models are allowed
   * (`tidings models pull`), and checks that it loads; it is not kept loaded.
   *
   * @example
   * await pool.pull('Xenova/opus-mt-en-uk', (e) => bar.update(e.progress ?? 0));
   */
  async pull(model: string, onProgress?: (event: PullProgress) => void): Promise<void> {
    const loaded = await this.#load(model, onProgress);
    await loaded.dispose();
  }

  /** Unloads every model. */
  async close(): Promise<void> {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(entries.map((e) => e.loading.then((p) => p.dispose()).catch(() => {})));
  }

  /** The model's own greedy loop, unless configured off or the model needs the pipeline. */
  #decoder(translator: TranslationPipeline): GreedyDecoder | undefined {
    if (this.#options.decoding === 'pipeline') return undefined;
    let decoder = this.#decoders.get(translator);
    if (decoder === undefined) {
      const model = translator.model as unknown as Seq2SeqModel;
      decoder = GreedyDecoder.for(model, translator.tokenizer) ?? null;
      this.#decoders.set(translator, decoder);
    }
    return decoder ?? undefined;
  }

  /**
   * Where this pool's own greedy loop will run the model, swaps its decoder session for one
   * derived from the same file with a top-k after `logits` (logits-top-k.ts), so each step
   * fetches k ids a row instead of the whole vocabulary. Any model it does not fit keeps its
   * session and the full-logits path.
   */
  async #nativeTopK(
    loaded: TranslationPipeline,
    modelDir: string,
    dtype: ModelDtype,
    options: Record<string, number>,
  ): Promise<void> {
    if (this.#options.decoding === 'pipeline') return;
    const model = loaded.model as unknown as Seq2SeqModel;
    const file = decoderFile(modelDir, dtype);
    const vocab = Number(model.config?.vocab_size);
    if (!(vocab > 0) || !GreedyDecoder.for(model, loaded.tokenizer)) return;
    const present = await access(file).then(
      () => true,
      () => false,
    );
    if (present) await useTopKDecoder(model, file, options, Math.min(DEFAULT_TOP_K, vocab));
  }

  #acquire(model: string): Entry {
    let entry = this.#entries.get(model);
    if (!entry) {
      const loading = this.#load(model);
      entry = { loading, users: 0, lastUsed: 0 };
      this.#entries.set(model, entry);
      // A failed load is forgotten, so the next job tries again (after `tidings models pull`).
      loading.catch(() => {
        if (this.#entries.get(model)?.loading === loading) this.#entries.delete(model);
      });
    }
    entry.users++;
    entry.lastUsed = ++this.#clock;
    return entry;
  }

  async #evict(): Promise<void> {
    const limit = Math.max(1, this.#options.cacheSize ?? 4);
    while (this.#entries.size > limit) {
      const idle = [...this.#entries.entries()]
        .filter(([, e]) => e.users === 0)
        .sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (!idle) return; // every model is busy: unload later, never under a running batch
      this.#entries.delete(idle[0]);
      await idle[1].loading.then((p) => p.dispose()).catch(() => {});
    }
  }

  async #load(
    model: string,
    onProgress?: (event: PullProgress) => void,
  ): Promise<TranslationPipeline> {
    const { modelsDir, allowRemoteModels = false, ortThreads, dtype = 'fp32' } = this.#options;
    const present = await access(join(modelsDir, model, 'config.json')).then(
      () => true,
      () => false,
    );
    if (!present && !allowRemoteModels) {
      throw new ModelUnavailableError(model, modelsDir, 'not found, and remote models are off');
    }
    env.localModelPath = modelsDir;
    env.cacheDir = modelsDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = allowRemoteModels;
    if (this.#options.remoteHost) {
      const host = this.#options.remoteHost;
      env.remoteHost = host.endsWith('/') ? host : `${host}/`;
    }
    // Its per-load tokenizer warnings would otherwise go straight to the console.
    env.logLevel = LogLevel.ERROR;
    const started = performance.now();
    const sessionOptions: Record<string, number> = ortThreads
      ? { intraOpNumThreads: ortThreads, interOpNumThreads: 1 }
      : {};
    try {
      const loaded: TranslationPipeline = await pipeline('translation', model, {
        dtype,
        device: 'cpu',
        // Files are looked up in the file cache before env.localModelPath, and env is global:
        // naming this pool's directory per load keeps two pools in one process apart.
        cache_dir: modelsDir,
        local_files_only: !allowRemoteModels,
        ...(onProgress
          ? {
              progress_callback: (info: ProgressInfo) =>
                onProgress({
                  model,
                  status: info.status,
                  ...('file' in info ? { file: info.file } : {}),
                  ...('progress' in info ? { progress: info.progress } : {}),
                }),
            }
          : {}),
        session_options: sessionOptions,
      });
      await this.#nativeTopK(loaded, join(modelsDir, model), dtype, sessionOptions);
      // The pipeline decodes with the tokenizer's own setting and takes no option for it: the
      // same override as DECODE, on the object that holds the setting.
      const inner = (loaded.tokenizer as unknown as { _tokenizer?: CleanUpSetting })._tokenizer;
      if (inner && 'clean_up_tokenization_spaces' in inner)
        inner.clean_up_tokenization_spaces = false;
      this.#options.onLoad?.(model, performance.now() - started);
      return loaded;
    } catch (error) {
      throw new ModelUnavailableError(
        model,
        modelsDir,
        present
          ? `cannot be loaded: ${(error as Error).message}`
          : 'not found, and the download failed',
        { cause: error },
      );
    }
  }
}

/**
 * Refuses a step whose target-language prefix (`>>fr<<`) the model's tokenizer does not have
 * as one known token: the model would translate into a language of its choosing.
 */
function checkPrefix(step: RouteStep, translator: TranslationPipeline): void {
  if (!step.prefix) return;
  const { tokenizer } = translator;
  const ids = tokenizer.encode(step.prefix, { add_special_tokens: false });
  const unknown = tokenizer.encode('<unk>', { add_special_tokens: false })[0];
  if (ids.length === 1 && ids[0] !== unknown) return;
  const vocabulary = Object.keys(tokenizer.get_vocab?.() ?? {});
  throw new ModelPrefixError(step.model, step.prefix, languageTokens(vocabulary));
}

/** What {@link ModelPool.warm} translates: rows of unequal news-length sentences. */
const WARM_UP = [
  'The minister said on Tuesday that the new agreement would be signed in Brussels next week.',
  'Talks resumed.',
  'Officials in Kyiv and Warsaw expect the first deliveries before the end of the year, according to a statement.',
  'Prices rose by 2.5% in October.',
  'The committee, which met behind closed doors for most of the afternoon, published a report on Thursday evening saying that the reconstruction of the bridge, the railway station and two schools damaged in the spring floods would cost more than twice the original estimate.',
];

/**
 * How outputs are decoded: special tokens (`</s>`, `<unk>`, `<pad>`) dropped, and the spaces
 * kept as the model wrote them. Opus-MT's `tokenizer_config.json` says
 * `clean_up_tokenization_spaces: true`, which removes every space before `. ? ! ,` (French
 * `Pourquoi ?` would lose its space); Tidings puts spacing right itself (placeholders, French
 * typography), so it overrides that.
 */
const DECODE = { skip_special_tokens: true, clean_up_tokenization_spaces: false } as const;

interface CleanUpSetting {
  clean_up_tokenization_spaces: boolean;
}

/** Two halves of a text, cut at the space nearest its middle (or at the middle if none). */
function halve(text: string): [string, string] {
  const middle = Math.floor(text.length / 2);
  const before = text.lastIndexOf(' ', middle);
  const after = text.indexOf(' ', middle);
  const candidates = [before, after].filter((i) => i > 0 && i < text.length - 1);
  const cut = candidates.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0] ?? middle;
  return [text.slice(0, cut).trim(), text.slice(cut).trim()];
}
