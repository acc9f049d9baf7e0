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

/** Where the memory lives and how long it keeps an entry (TM_PREFIX, TM_TTL_SECONDS). */
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
 * Lookups are one MGET and writes one pipeline per batch.
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
    const normalized = entry.text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(normalized).digest('base64url');
    return `${this.#prefix}v1:${entry.model}:${entry.from}:${entry.to}:${hash}`;
  }

  /** The stored translations, `undefined` where there is none, in the order asked. */
  async get(entries: readonly MemoryKey[]): Promise<(string | undefined)[]> {
    if (entries.length === 0) return [];
    const values = await this.#redis.mget(entries.map((e) => this.key(e)));
    return values.map((v) => v ?? undefined);
  }

  /** Stores translations (only ones that passed the quality gates should come here). */
  async set(entries: readonly (MemoryKey & { readonly translation: string })[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.#redis.pipeline();
    for (const entry of entries) {
      if (this.#ttl > 0) pipeline.set(this.key(entry), entry.translation, 'EX', this.#ttl);
      else pipeline.set(this.key(entry), entry.translation);
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}
