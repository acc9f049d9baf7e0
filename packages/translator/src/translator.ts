import {
  type ArticleContent,
  articleSize,
  DEFAULT_MAX_ARTICLE_CHARS,
  isLanguageCode,
  type LanguageCode,
} from '@tidings/core';
import type { Redis } from 'ioredis';
import { type ArticlePlan, planArticle } from './article-plan.ts';
import { assembleTarget, type TargetTranslation } from './assemble-target.ts';
import { TranslationInputError } from './errors.ts';
import { Glossary, loadGlossary } from './glossary.ts';
import { DEFAULT_MODEL_MAP, loadModelMap, type ModelMap, resolveRoute } from './model-map.ts';
import { ModelPool, type ModelPoolOptions } from './model-pool.ts';
import { type PreloadPlan, preloadPlan } from './preload-plan.ts';
import {
  type SegmentInput,
  SegmentTranslator,
  type SegmentTranslatorOptions,
  type TranslatorStats,
} from './segment-translator.ts';
import { StepGroups, stepKey } from './step-groups.ts';
import { humanWordings, type MemoryOptions, TranslationMemory } from './translation-memory.ts';

/** Everything a translator needs; apps fill it from their configuration, parsed once. */
export interface TranslatorOptions extends ModelPoolOptions, SegmentTranslatorOptions {
  /** Which model serves which direction (MODEL_MAP); default {@link DEFAULT_MODEL_MAP}. */
  readonly modelMap?: ModelMap | undefined;
  /** Protected and fixed terms (GLOSSARY); default none. */
  readonly glossary?: Glossary | undefined;
  /** Redis for the translation memory; without it every segment goes to the model. */
  readonly redis?: Redis | undefined;
  /** Key prefix and TTL of the memory (`<QUEUE_PREFIX>:tm:`, TRANSLATION_MEMORY_TTL_DAYS in seconds). */
  readonly memory?: MemoryOptions | undefined;
  /** Longest segment in characters before it is split (MAX_SEGMENT_CHARS); default 1000. */
  readonly maxSegmentChars?: number | undefined;
  /** Largest article accepted, in characters of all fields (MAX_ARTICLE_CHARS); default 200,000. */
  readonly maxArticleChars?: number | undefined;
  /**
   * Whether URLs, e-mail addresses, names in a foreign script, emoji and numbers written with
   * compatibility characters (`2½`, `10⁶`, `m²`) are kept from the model and put back verbatim
   * (default true). Turned off, the lost-content gate still holds a version
   * that lost one for review: tests use it to see that the gate works.
   */
  readonly protectRuns?: boolean | undefined;
}

/** One article to translate, with its language and the languages wanted. */
export interface ArticleJob {
  readonly content: ArticleContent;
  readonly source: LanguageCode;
  readonly targets: readonly LanguageCode[];
}

/** How far a translation has come, in segments settled (by memory or model). */
export interface TranslationProgress {
  readonly done: number;
  readonly total: number;
}

/** Per-call options. */
export interface TranslateOptions {
  /** Called as batches finish; a worker forwards it as job progress. */
  readonly progress?: ((progress: TranslationProgress) => void) | undefined;
  /**
   * Withdraws the request (a worker that lost its job's lock): an `ArticleBatcher` drops an
   * article still waiting for its turn and rejects it with the signal's reason.
   */
  readonly signal?: AbortSignal | undefined;
}

/** One model of {@link Translator.preload}: loaded and run once, or failed. */
export interface PreloadEvent {
  readonly model: string;
  /** Its place in the plan, from 1, and the plan's length. */
  readonly index: number;
  readonly total: number;
  /** Time to load and run it once. */
  readonly ms: number;
  /** Why it could not be loaded, when it could not. */
  readonly error?: Error | undefined;
}

/**
 * Translates whole articles with local models: segments the text and HTML, protects markup,
 * numbers and glossary terms with placeholders, answers what it can from the translation memory,
 * batches the rest by length for the model, checks every output and flags what fails.
 * A pivoted direction translates the source into English once for all its targets.
 *
 * @example
 * const translator = await Translator.create({ modelsDir: '/srv/models', redis });
 * const result = await translator.translateArticle(content, 'en', ['es', 'de']);
 * result.get('es')?.content.title;
 */
export class Translator {
  readonly #options: TranslatorOptions;
  readonly #pool: ModelPool;
  readonly #segments: SegmentTranslator;
  readonly #memory: TranslationMemory | undefined;
  #glossary: Glossary;
  readonly #map: ModelMap;

  constructor(options: TranslatorOptions) {
    this.#options = options;
    this.#pool = new ModelPool(options);
    this.#glossary = options.glossary ?? Glossary.EMPTY;
    this.#map = options.modelMap ?? DEFAULT_MODEL_MAP;
    const memory = options.redis ? new TranslationMemory(options.redis, options.memory) : undefined;
    this.#memory = memory;
    this.#segments = new SegmentTranslator(this.#pool, memory, options);
  }

  /**
   * Makes a translator, reading the model map and glossary when given as file paths.
   *
   * @example
   * await Translator.create({ modelsDir, modelMap: '/etc/tidings/models.json', glossary: '/etc/tidings/glossary.json' });
   */
  static async create(
    options: Omit<TranslatorOptions, 'modelMap' | 'glossary'> & {
      readonly modelMap?: string | ModelMap | undefined;
      readonly glossary?: string | Glossary | undefined;
      /** The languages served (`LANGUAGES`): a model map file needs routes between these only. */
      readonly languages?: readonly LanguageCode[] | undefined;
    },
  ): Promise<Translator> {
    const { languages, ...rest } = options;
    const modelMap =
      typeof options.modelMap === 'string'
        ? await loadModelMap(options.modelMap, languages)
        : options.modelMap;
    const glossary =
      typeof options.glossary === 'string'
        ? await loadGlossary(options.glossary)
        : options.glossary;
    return new Translator({ ...rest, modelMap, glossary });
  }

  /** Counters since this translator was made. */
  get stats(): Readonly<TranslatorStats> {
    return this.#segments.stats;
  }

  /** The glossary in use, for reading. */
  get glossary(): Glossary {
    return this.#glossary;
  }

  /**
   * Uses another glossary from the next translation on (a worker picks up a glossary edited
   * through the API without a restart); a translation under way keeps the one it started with.
   * The translation memory needs no flush: a term is a placeholder in the text the memory is
   * keyed on, so adding or removing a term changes the key, and a fixed translation is written
   * in after the memory, from the glossary of the translation that asks.
   */
  useGlossary(glossary: Glossary): void {
    this.#glossary = glossary;
  }

  /** The model map in use. */
  get modelMap(): ModelMap {
    return this.#map;
  }

  /** Ids of the models loaded now. */
  get loadedModels(): string[] {
    return this.#pool.loaded;
  }

  /**
   * Loads the models that serve `directions` now, before any job asks (PRELOAD_MODELS), at
   * most as many as the cache keeps, most used first, and runs each once on a short text so
   * that its sessions have their memory; `onModel` hears of each as it is ready or fails.
   * A model that cannot be loaded is reported and skipped: its first job fails as it would
   * have. Resolves with the plan (what was left to load on demand).
   *
   * @example
   * await translator.preload([['en', 'es']], (e) => log.info(e, 'preloaded'));
   */
  async preload(
    directions: readonly (readonly [LanguageCode, LanguageCode])[],
    onModel?: (event: PreloadEvent) => void,
  ): Promise<PreloadPlan> {
    const plan = preloadPlan(this.#map, directions, this.#options.cacheSize ?? 4);
    for (const [i, step] of plan.steps.entries()) {
      const started = performance.now();
      try {
        await this.#pool.warm(step);
        onModel?.({
          model: step.model,
          index: i + 1,
          total: plan.steps.length,
          ms: performance.now() - started,
        });
      } catch (error) {
        onModel?.({
          model: step.model,
          index: i + 1,
          total: plan.steps.length,
          ms: performance.now() - started,
          error: error as Error,
        });
      }
    }
    return plan;
  }

  /** Translates one article into several languages at once. */
  async translateArticle(
    content: ArticleContent,
    source: LanguageCode,
    targets: readonly LanguageCode[],
    options: TranslateOptions = {},
  ): Promise<Map<LanguageCode, TargetTranslation>> {
    const [result] = await this.translateArticles([{ content, source, targets }], options);
    return result ?? new Map();
  }

  /**
   * Translates several articles together (a worker's jobs at hand), so their segments share
   * batches, deduplication and pivot work. Results are in the order of `jobs`.
   */
  async translateArticles(
    jobs: readonly ArticleJob[],
    options: TranslateOptions = {},
  ): Promise<Map<LanguageCode, TargetTranslation>[]> {
    for (const job of jobs) this.validate(job);
    const planning = {
      maxChars: this.#options.maxSegmentChars ?? 1000,
      protect: this.#options.protectRuns,
    };
    const glossary = this.#glossary;
    const plans = jobs.map((j) => planArticle(j.content, j.source, glossary, planning));
    const routes = jobs.map(
      (j) => new Map(j.targets.map((t) => [t, resolveRoute(this.#map, j.source, t)])),
    );
    // Editors' wordings first: a segment an editor corrected goes to no model in that direction.
    const human = await humanWordings(
      this.#memory,
      jobs.map((job, j) => ({ ...job, texts: inputsOf(plans[j]).map((s) => s.text) })),
    );
    for (const perJob of human)
      for (const perTarget of perJob.values())
        this.#segments.stats.humanMemoryHits += perTarget.size;
    // Per job and target, once: each stage below reads them again.
    const machine = jobs.map((job, j) => {
      const inputs = inputsOf(plans[j]);
      return new Map(
        job.targets.map((t) => [t, inputs.filter((s) => !human[j]?.get(t)?.has(s.text))]),
      );
    });
    const machineInputs = (j: number, target: LanguageCode): SegmentInput[] =>
      machine[j]?.get(target) ?? [];

    // Stage 1: the first step of every route; pivoted targets share the step into English.
    const first = new StepGroups();
    jobs.forEach((_, j) => {
      for (const [target, route] of routes[j] ?? []) {
        if (route[0]) first.add(route[0], machineInputs(j, target));
      }
    });
    // The second stage's inputs are the first stage's outputs; until they exist, count the
    // sources, which is what the second stage will see unless translations collide.
    const estimate = new StepGroups();
    jobs.forEach((_, j) => {
      for (const [target, [, b]] of routes[j] ?? [])
        if (b) estimate.add(b, machineInputs(j, target));
    });
    const second = new StepGroups();
    let done = 0;
    const total = first.size() + estimate.size();
    const tick = (n: number): void => {
      done += n;
      options.progress?.({ done: Math.min(done, total), total });
    };
    const firstOut = await first.run(this.#segments, tick);
    jobs.forEach((_, j) => {
      for (const [target, route] of routes[j] ?? []) {
        const [a, b] = route;
        if (!a || !b) continue;
        const out = firstOut.get(stepKey(a));
        second.add(
          b,
          machineInputs(j, target).map((s) => ({
            text: out?.get(s.text)?.text ?? s.text,
            slots: s.slots,
          })),
        );
      }
    });
    const secondOut = await second.run(this.#segments, tick);
    options.progress?.({ done: total, total });

    return jobs.map((job, j) => {
      const plan = plans[j];
      const results = new Map<LanguageCode, TargetTranslation>();
      if (!plan) return results;
      for (const [target, route] of routes[j] ?? []) {
        const outputs = [firstOut, secondOut].slice(0, route.length);
        const wordings = human[j]?.get(target);
        results.set(target, assembleTarget(job, plan, target, route, outputs, glossary, wordings));
      }
      return results;
    });
  }

  /**
   * How many tokens each text makes in the tokenizer of the model that writes `to` when
   * translating from `from` (the last step of a pivot): what a rate in tokens per second
   * counts (`tidings eval`). Loads that model if need be.
   */
  async countTokens(
    from: LanguageCode,
    to: LanguageCode,
    texts: readonly string[],
  ): Promise<number[]> {
    const last = resolveRoute(this.#map, from, to).at(-1);
    if (!last) return texts.map(() => 0);
    return this.#pool.countTokens({ model: last.model, from: last.from, to: last.to }, texts);
  }

  /** Unloads every model. The Redis connection belongs to the caller and stays open. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  /**
   * Throws the {@link TranslationInputError} a job would fail with (unknown language, a target
   * equal to the source, an article over the size limit), so a worker that batches several
   * jobs can reject a bad one alone before translating the rest together.
   */
  validate(job: ArticleJob): void {
    for (const code of [job.source, ...job.targets]) {
      if (!isLanguageCode(code)) {
        throw new TranslationInputError(
          'unsupported_language',
          `Unsupported language code ${JSON.stringify(code)}; expected one of en, es, de, fr, it, uk`,
          { language: String(code) },
        );
      }
    }
    if (job.targets.includes(job.source)) {
      throw new TranslationInputError(
        'same_language',
        `Cannot translate ${job.source} into itself`,
        { language: job.source },
      );
    }
    const size = articleSize(job.content);
    const limit = this.#options.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
    if (size > limit) {
      throw new TranslationInputError(
        'too_large',
        `The article has ${size} characters; the limit is ${limit} (MAX_ARTICLE_CHARS)`,
        { size, limit },
      );
    }
  }
}

function inputsOf(plan: ArticlePlan | undefined): SegmentInput[] {
  return (plan?.segments ?? []).filter((s) => s.translate).map((s) => s.encoded);
}
