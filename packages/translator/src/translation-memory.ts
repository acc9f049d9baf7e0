import { createHash } from 'node:crypto';
import type { LanguageCode } from '@tidings/core';
import type { Redis } from 'ioredis';

/** What identifies a translation in the memory. */
export interface MemoryKey {
  readonly model: string;
  readonly from: LanguageCode;
  readonly to: LanguageCode;
  /** The model input, placeholders included. */
  readonly text: string;
}

/** An editor's wording of one segment: keyed by direction and model input, not by model. */
export interface HumanEntry {
  readonly from: LanguageCode;
  readonly to: LanguageCode;
  /** The source segment's model input, placeholders included. */
  readonly text: string;
  /** The editor's wording, with the source's placeholders (the form a model answers in). */
  readonly translation: string;
}

/** Where the memory lives and how long it keeps an entry (`<QUEUE_PREFIX>:tm:`, TRANSLATION_MEMORY_TTL_DAYS). */
export interface MemoryOptions {
  /** Prefix of every key; default `tidings:tm:`. */
  readonly prefix?: string | undefined;
  /** Seconds an entry lives after it is written; 0 keeps it forever. Default 90 days (TRANSLATION_MEMORY_TTL_DAYS's default). */
  readonly ttlSeconds?: number | undefined;
}

/**
 * The translation memory in Redis: a segment translated once by a model is never sent to that
 * model again. The key is (model, source language, target language, SHA-256 of the normalized
 * input, placeholders included), so a revised article re-translates only what changed.
 * Lookups are one MGET and writes one pipeline per batch. Editors' corrections are kept beside
 * as human entries, keyed without the model (any model's output for that sentence loses to
 * the editor's), which the translator asks first.
 *
 * @example
 * const memory = new TranslationMemory(redis, { prefix: 'tidings:tm:' });
 * const [hit] = await memory.get([{ model: 'Xenova/opus-mt-en-es', from: 'en', to: 'es', text: 'Hello' }]);
 */
export class TranslationMemory {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttl: number;

  constructor(redis: Redis, options: MemoryOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? 'tidings:tm:';
    this.#ttl = options.ttlSeconds ?? 90 * 24 * 3600;
  }

  /** The Redis key of one entry. */
  key(entry: MemoryKey): string {
    return `${this.#prefix}v1:${entry.model}:${entry.from}:${entry.to}:${hash(entry.text)}`;
  }

  /** The Redis key of one human entry: no model in it (model ids always have a `/`). */
  humanKey(entry: Omit<HumanEntry, 'translation'>): string {
    return `${this.#prefix}v1:human:${entry.from}:${entry.to}:${hash(entry.text)}`;
  }

  /** Editors' wordings, `undefined` where there is none, in the order asked. */
  async getHuman(
    entries: readonly Omit<HumanEntry, 'translation'>[],
  ): Promise<(string | undefined)[]> {
    if (entries.length === 0) return [];
    const values = await this.#redis.mget(entries.map((e) => this.humanKey(e)));
    return values.map((v) => v ?? undefined);
  }

  /** Stores editors' wordings (a later correction of the same sentence replaces an earlier one). */
  async setHuman(entries: readonly HumanEntry[]): Promise<void> {
    await this.#write(entries.map((e) => [this.humanKey(e), e.translation]));
  }

  /** The stored translations, `undefined` where there is none, in the order asked. */
  async get(entries: readonly MemoryKey[]): Promise<(string | undefined)[]> {
    if (entries.length === 0) return [];
    const values = await this.#redis.mget(entries.map((e) => this.key(e)));
    return values.map((v) => v ?? undefined);
  }

  /** Stores translations (only ones that passed the quality gates should come here). */
  async set(entries: readonly (MemoryKey & { readonly translation: string })[]): Promise<void> {
    await this.#write(entries.map((e) => [this.key(e), e.translation]));
  }

  async #write(pairs: readonly (readonly [string, string])[]): Promise<void> {
    if (pairs.length === 0) return;
    const pipeline = this.#redis.pipeline();
    for (const [key, value] of pairs) {
      if (this.#ttl > 0) pipeline.set(key, value, 'EX', this.#ttl);
      else pipeline.set(key, value);
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}

/** SHA-256 of the normalized model input: NFC, whitespace runs as one space, trimmed. */
function hash(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('base64url');
}

/** One article's segments to look up: its language, the languages wanted, its model inputs. */
export interface WordingAsk {
  readonly source: LanguageCode;
  readonly targets: readonly LanguageCode[];
  /** Model inputs (placeholders included) of the segments to translate; repeats are asked once. */
  readonly texts: readonly string[];
}

/**
 * Per article, per target language: the editors' wordings the human memory holds for its
 * segments, keyed by model input. One MGET for all articles and targets; no memory, no wordings.
 *
 * @example
 * const [perTarget] = await humanWordings(memory, [{ source: 'en', targets: ['es'], texts: ['Hello.'] }]);
 * perTarget?.get('es')?.get('Hello.'); // 'Hola, ¿qué tal?' when an editor wrote it
 */
export async function humanWordings(
  memory: TranslationMemory | undefined,
  asks: readonly WordingAsk[],
): Promise<Map<LanguageCode, Map<string, string>>[]> {
  const found = asks.map(() => new Map<LanguageCode, Map<string, string>>());
  if (!memory) return found;
  const entries: { job: number; to: LanguageCode; from: LanguageCode; text: string }[] = [];
  asks.forEach((ask, j) => {
    const texts = new Set(ask.texts);
    for (const to of ask.targets)
      for (const text of texts) entries.push({ job: j, to, from: ask.source, text });
  });
  const wordings = await memory.getHuman(entries);
  entries.forEach((entry, i) => {
    const wording = wordings[i];
    const perJob = found[entry.job];
    if (wording === undefined || !perJob) return;
    const perTarget = perJob.get(entry.to) ?? new Map<string, string>();
    perTarget.set(entry.text, wording);
    perJob.set(entry.to, perTarget);
  });
  return found;
}
