import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleContent } from '@tidings/core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Database } from './database.ts';
import { openStore, type StoreOptions } from './open-store.ts';
import { databaseOf, type Store } from './store.ts';
import { type PrivateSchema, postgresAvailable, privateSchema } from './testing/postgres-schema.ts';

const postgres = await postgresAvailable('the PostgreSQL half of the store tests');

/** A back end the store tests run on. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  readonly available: boolean;
}

/** Both back ends; PostgreSQL is marked unavailable (and skipped) when it does not answer. */
export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', available: true },
  { name: 'postgres', available: postgres },
];

/**
 * A private store for one test file on one back end: a fresh temporary directory for
 * PGlite (a copy of the run's migrated template), a fresh schema (`t_<random>`, via `search_path` in the URL) for PostgreSQL.
 */
export class StoreEnv {
  readonly backend: Backend;
  #store: Store | undefined;
  #options: StoreOptions | undefined;
  #schema: PrivateSchema | undefined;
  #dataDir: string | undefined;
  #publisher: string | undefined;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** The open store. */
  get store(): Store {
    if (!this.#store) throw new Error('StoreEnv not started');
    return this.#store;
  }

  /** The connection under the open store, for what a test checks in the tables themselves. */
  get db(): Database {
    return databaseOf(this.store);
  }

  /** The options the store was opened with (to open it again, or from another process). */
  get options(): StoreOptions {
    if (!this.#options) throw new Error('StoreEnv not started');
    return this.#options;
  }

  /** Creates the directory or schema and opens the store. */
  async start(): Promise<void> {
    this.#dataDir = await mkdtemp(join(tmpdir(), 'tidings-store-'));
    if (this.backend.name === 'postgres') {
      this.#schema = await privateSchema('t');
      this.#options = { dataDir: this.#dataDir, databaseUrl: this.#schema.url };
    } else {
      await cp(inject('pgliteTemplate'), join(this.#dataDir, 'pglite'), { recursive: true });
      this.#options = { dataDir: this.#dataDir };
    }
    this.#store = await openStore(this.#options);
  }

  /** Closes the store and opens it again on the same data. */
  async reopen(): Promise<Store> {
    await this.#store?.close();
    this.#store = await openStore(this.options);
    return this.#store;
  }

  /** Opens one more store on the same data (PostgreSQL only: a second "API instance"). */
  openAnother(): Promise<Store> {
    return openStore(this.options);
  }

  /** Closes the store and removes its directory or schema. */
  async stop(): Promise<void> {
    await this.#store?.close();
    await this.#schema?.drop();
    if (this.#dataDir) await rm(this.#dataDir, { recursive: true, force: true });
  }

  /** A publisher key's id, made once per file. */
  async publisher(): Promise<string> {
    this.#publisher ??= (await this.store.createKey({ name: 'newsroom', role: 'publisher' })).id;
    return this.#publisher;
  }
}

/**
 * Runs a test suite on both back ends, each with its own {@link StoreEnv}.
 *
 * @example
 * describeStore('keys', (env) => {
 *   it('hashes tokens', async () => { await env.store.createKey({ name: 'a', role: 'editor' }); });
 * });
 */
export function describeStore(title: string, body: (env: StoreEnv) => void): void {
  describe.each(BACKENDS)(`${title} on $name`, (backend) => {
    describe.skipIf(!backend.available)(backend.name, () => {
      const env = new StoreEnv(backend);
      beforeAll(() => env.start());
      afterAll(() => env.stop());
      body(env);
    });
  });
}

let counter = 0;

/**
 * A Ukrainian article from the seed stories; each call differs (title, body) unless `same` is given.
 *
 * @example
 * await store.createArticle({ publisherKeyId, sourceLanguage: 'uk', content: sampleContent() });
 */
export function sampleContent(overrides: Partial<ArticleContent> = {}): ArticleContent {
  counter++;
  return {
    title: `Україна отримала статус розширеного партнера JEF ${counter}`,
    summary: 'Україна стала першою країною поза альянсом з таким статусом.',
    body: `<p>Україна отримала статус розширеного партнера в Об'єднаних експедиційних силах (JEF). ${counter}</p>`,
    categories: ['Оборона'],
    image: { url: 'https://example.org/shmyhal.jpg', alt: 'Денис Шмигаль' },
    ...overrides,
  };
}
