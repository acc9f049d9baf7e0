import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBuild } from './cached-build.ts';
import { UNRULY_BEHAVIOURS, type UnrulyBehaviour } from './dictionary/dictionary-behaviour.ts';
import { DICTIONARY_DIRECTIONS, type Direction, modelId } from './dictionary/languages.ts';
import { writeDictionaryModel } from './dictionary/write-dictionary-model.ts';
import { generatorHash } from './generator-hash.ts';
import { writeOpusModel } from './opus-sized/write-opus-model.ts';

/** The default cache: `test/models/.cache` (gitignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

/** The kinds of test model. */
export type ModelKind = 'dictionary' | 'opus-sized' | 'opus-ragged' | 'unruly';

/** The directions every unruly behaviour has a model for. */
export const UNRULY_DIRECTIONS: readonly Direction[] = [
  { src: 'en', tgt: 'es' },
  { src: 'uk', tgt: 'en' },
];

/** A line of progress while models are generated. */
export interface ProgressEvent {
  kind: ModelKind;
  /** The model id (`Xenova/opus-mt-en-es`). */
  model: string;
  /** The file written, for the Opus-MT-sized model's large files. */
  file?: string;
  bytes?: number;
}

/** Options of {@link ensureTestModels}. */
export interface EnsureOptions {
  /** Where models are generated; default {@link DEFAULT_CACHE_DIR}. */
  cacheDir?: string;
  /** Which kinds to make sure of; default dictionary and opus-sized. */
  kinds?: readonly ModelKind[];
  /** Called as each model (or large file) is written. */
  onProgress?: (event: ProgressEvent) => void;
}

/** The MODELS_DIRs of the test models. */
export interface TestModels {
  /** Holds `Xenova/opus-mt-{src}-{tgt}` dictionary models for the 19 direct directions. */
  dictionaryModelsDir: string;
  /** Holds the Opus-MT-sized `Xenova/opus-mt-en-es` (fp32 and `_quantized` int8). */
  opusSizedModelsDir: string;
  /** Holds the ragged-length variant of it (`RAGGED_LENGTH`; fp32 and int8), same id. */
  opusRaggedModelsDir: string;
  /**
   * Per unruly behaviour, a MODELS_DIR holding its dictionary models for
   * {@link UNRULY_DIRECTIONS} (generated with kind `unruly`).
   */
  unrulyModelsDirs: Record<UnrulyBehaviour, string>;
  /** The kinds this call generated (the others were up to date or not asked for). */
  generated: ModelKind[];
}

const DICTIONARY_SOURCES = ['dictionary', 'onnx', 'marian-files.ts'];
const OPUS_SOURCES = ['opus-sized', 'onnx', 'marian-files.ts'];
const ARTICLES = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));

// Hashed as this module loads, so that a long-lived process stamps models with the hash of
// the code it runs, not of sources edited on disk since (which it would write as stale).
const dictionaryHash = generatorHash(DICTIONARY_SOURCES);
const opusHash = generatorHash([...OPUS_SOURCES, ARTICLES]);
dictionaryHash.catch(() => {});
opusHash.catch(() => {});

/**
 * Generates the test models on demand and returns their MODELS_DIRs. Each kind is rebuilt
 * only when the hash of the generator's sources changes (a stamp file records it); the
 * dictionary models take about three seconds, the Opus-MT-sized one ten to thirty (CPU-bound).
 *
 * @example
 * const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
 * env.localModelPath = dictionaryModelsDir;
 * const translate = await pipeline('translation', 'Xenova/opus-mt-en-es');
 */
export async function ensureTestModels(options: EnsureOptions = {}): Promise<TestModels> {
  const cacheDir = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const kinds = options.kinds ?? ['dictionary', 'opus-sized'];
  const progress = options.onProgress ?? (() => {});
  const models: TestModels = {
    dictionaryModelsDir: join(cacheDir, 'dictionary'),
    opusSizedModelsDir: join(cacheDir, 'opus-sized'),
    opusRaggedModelsDir: join(cacheDir, 'opus-ragged'),
    unrulyModelsDirs: Object.fromEntries(
      UNRULY_BEHAVIOURS.map((b) => [b, join(cacheDir, 'unruly', b)]),
    ) as Record<UnrulyBehaviour, string>,
    generated: [],
  };
  if (kinds.includes('dictionary')) {
    const built = await cachedBuild(
      models.dictionaryModelsDir,
      await dictionaryHash,
      async (into) => {
        for (const direction of DICTIONARY_DIRECTIONS) {
          const model = modelId(direction);
          await writeDictionaryModel(join(into, model), direction);
          progress({ kind: 'dictionary', model });
        }
      },
    );
    if (built) models.generated.push('dictionary');
  }
  if (kinds.includes('unruly')) {
    const built = await cachedBuild(
      join(cacheDir, 'unruly'),
      await dictionaryHash,
      async (into) => {
        for (const behaviour of UNRULY_BEHAVIOURS) {
          for (const direction of UNRULY_DIRECTIONS) {
            const model = modelId(direction);
            await writeDictionaryModel(join(into, behaviour, model), direction, behaviour);
            progress({ kind: 'unruly', model: `${behaviour}/${model}` });
          }
        }
      },
    );
    if (built) models.generated.push('unruly');
  }
  if (kinds.includes('opus-sized')) {
    const built = await cachedBuild(models.opusSizedModelsDir, await opusHash, async (into) => {
      const model = modelId({ src: 'en', tgt: 'es' });
      await writeOpusModel(join(into, model), (file, bytes) =>
        progress({ kind: 'opus-sized', model, file, bytes }),
      );
    });
    if (built) models.generated.push('opus-sized');
  }
  if (kinds.includes('opus-ragged')) {
    const built = await cachedBuild(models.opusRaggedModelsDir, await opusHash, async (into) => {
      const model = modelId({ src: 'en', tgt: 'es' });
      await writeOpusModel(
        join(into, model),
        (file, bytes) => progress({ kind: 'opus-ragged', model, file, bytes }),
        { ragged: true },
      );
    });
    if (built) models.generated.push('opus-ragged');
  }
  return models;
}
