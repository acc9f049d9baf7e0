import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, StoreLogger } from './database.ts';
import { MIGRATIONS_DIRECTORY, migrate } from './migrate.ts';
import { openStore, type StoreOptions } from './open-store.ts';
import { databaseOf, type Store } from './store.ts';
import { BACKENDS, sampleContent } from './test-harness.ts';
import { privateSchema } from './testing/postgres-schema.ts';

// A store that had articles before 0010_slug_bases made a counter per slug base: once
// migrated, a new article titled like stored ones must get a slug no article and no language
// version uses (never a duplicate, never a failed write), and every later one too.

const SILENT: StoreLogger = { info() {}, warn() {} };
const BEFORE = '0010';

/** A directory with the migrations before 0010 only: the schema as it was. */
async function oldMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-migrations-'));
  for (const name of await readdir(MIGRATIONS_DIRECTORY)) {
    if (name.endsWith('.sql') && name < BEFORE) {
      await copyFile(join(MIGRATIONS_DIRECTORY, name), join(dir, name));
    }
  }
  return dir;
}

/** Articles as a store before 0010 wrote them: `harbour-reopens`, `-2`, and a German `-3`. */
async function writeOldArticles(db: Database): Promise<void> {
  await db.exec(`
    WITH k AS (
      INSERT INTO api_keys (name, role, token_hash)
      VALUES ('newsroom', 'publisher', repeat('a', 64)) RETURNING id
    ), a AS (
      INSERT INTO articles (publisher_key_id, source_language, slug)
      SELECT k.id, 'en', s FROM k, unnest(ARRAY['harbour-reopens', 'harbour-reopens-2']) AS s
      RETURNING id, slug, publisher_key_id
    ), r AS (
      INSERT INTO revisions (article_id, revision, publisher_key_id, title, summary, body)
      SELECT id, 1, publisher_key_id, 'Harbour reopens', '', '<p>The harbour reopened.</p>' FROM a
    )
    INSERT INTO translations (article_id, language, revision, status, title, summary, body, slug)
    SELECT id, 'de', 1, 'published', 'Harbour reopens', '', '<p>Der Hafen.</p>', 'harbour-reopens-3'
      FROM a WHERE slug = 'harbour-reopens-2'`);
}

describe.each(BACKENDS)('0010_slug_bases on a store with articles, on $name', (backend) => {
  describe.skipIf(!backend.available)(backend.name, () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('gives a new article titled like stored ones a free slug, and the next one after it', async () => {
      const migrations = await oldMigrations();
      const dataDir = await mkdtemp(join(tmpdir(), 'tidings-store-'));
      cleanup.push(() => rm(migrations, { recursive: true, force: true }));
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      let options: StoreOptions = { dataDir };
      let old: Database;
      if (backend.name === 'postgres') {
        const schema = await privateSchema('t');
        cleanup.push(() => schema.drop());
        options = { dataDir, databaseUrl: schema.url };
        const { openPostgresDatabase } = await import('./postgres-database.ts');
        old = openPostgresDatabase(schema.url, SILENT);
      } else {
        const { openPgliteDatabase } = await import('./pglite-database.ts');
        old = await openPgliteDatabase(join(dataDir, 'pglite'));
      }
      const applied = await migrate(old, SILENT, migrations);
      expect(applied.at(-1)).toMatch(/^0009_/);
      await writeOldArticles(old);
      await old.close();

      const store: Store = await openStore(options);
      cleanup.push(() => store.close());
      const rows = await databaseOf(store).query<{ version: string }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toContain('0010_slug_bases');
      const [key] = await databaseOf(store).query<{ id: string }>('SELECT id FROM api_keys');
      const post = async () =>
        (
          await store.createArticle({
            publisherKeyId: key?.id ?? '',
            sourceLanguage: 'en',
            content: sampleContent({ title: 'Harbour reopens' }),
          })
        ).article.slug;
      expect(await post()).toBe('harbour-reopens-4');
      expect(await post()).toBe('harbour-reopens-5');
      const [counter] = await databaseOf(store).query<{ last: number }>(
        `SELECT last FROM slug_bases WHERE base = 'harbour-reopens'`,
      );
      expect(counter?.last).toBe(5);
      // Two PGlite starts, one with initdb: seconds on an idle machine, over a minute when the
      // machine is busy (60 s was passed in CI beside other work). A bound on hangs only.
    }, 180_000);
  });
});
