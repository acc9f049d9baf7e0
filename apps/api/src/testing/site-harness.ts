import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArticleContent,
  createLogger,
  type LanguageCode,
  type SiteSettings,
  sanitizeArticleHtml,
} from '@tidings/core';
import { openStore, type Store } from '@tidings/store';
import { publishBulk } from '@tidings/store/testing';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import type { ApiEnv } from '../env.ts';
import type { PageBodySanitizer } from '../site/page-body-sanitizer.ts';
import { Syndication } from '../site/syndication.ts';

/** A real app serving feeds and pages over a real store (PGlite in a temp dir). */
export interface SiteHarness {
  readonly app: Hono<ApiEnv>;
  readonly store: Store;
  readonly syndication: Syndication;
  readonly publisherKeyId: string;
  readonly editorKeyId: string;
  /**
   * Stores an article through the store's own methods and publishes the given translations
   * as a worker's results would; returns the article's id, its slug and each live
   * version's own slug.
   */
  publish(
    sourceLanguage: LanguageCode,
    content: ArticleContent,
    /** A translation's image is the source's; only its alt text is its own. */
    translations?: Partial<Record<LanguageCode, ArticleContent>>,
  ): Promise<{ id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> }>;
  /**
   * Publishes `count` English articles with the given body in one SQL statement through the
   * store's own connection (10,000 store calls would take minutes), then ANALYZEs.
   */
  publishBulk(count: number, body: string): Promise<void>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Builds a {@link SiteHarness}; `pageSize` is small in tests of paging; the listing version is
 * read on every request unless `versionTtlMs` says otherwise.
 *
 * @example
 * const h = await siteHarness({ publicUrl: 'http://news.test' });
 * await h.publish('uk', content, { es: spanish });
 * const res = await h.get('/feeds/es/atom.xml');
 */
export async function siteHarness(
  options: {
    publicUrl?: string;
    pageSize?: number;
    hubUrl?: string;
    versionTtlMs?: number;
    site?: SiteSettings;
    sitemapArticlesPerFile?: number;
    /** The thread that sanitizes large bodies; tests of its failure give a broken one. */
    sanitizer?: PageBodySanitizer;
  } = {},
): Promise<SiteHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-site-'));
  const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
  const store = await openStore({ dataDir, logger });
  const publisherKeyId = (await store.createKey({ name: 'newsroom', role: 'publisher' })).id;
  const editorKeyId = (await store.createKey({ name: 'desk', role: 'editor' })).id;
  const syndication = new Syndication({
    store,
    publicUrl: options.publicUrl ?? 'http://news.test',
    logger,
    pageSize: options.pageSize,
    hubUrl: options.hubUrl,
    site: options.site,
    sitemapArticlesPerFile: options.sitemapArticlesPerFile,
    // Tests write to the store behind the syndication's back and expect to see it at once.
    versionTtlMs: options.versionTtlMs ?? 0,
    sanitizer: options.sanitizer,
  });
  const app = createApp({ logger, readiness: [], site: syndication });
  return {
    app,
    store,
    syndication,
    publisherKeyId,
    editorKeyId,
    async publish(sourceLanguage, content, translations = {}) {
      const { article } = await store.createArticle({ publisherKeyId, sourceLanguage, content });
      for (const [language, translated] of Object.entries(translations)) {
        await store.recordTranslationResult({
          articleId: article.id,
          language: language as LanguageCode,
          revision: article.revision,
          content: translated,
          model: 'test/dictionary',
          status: 'published',
        });
      }
      const live = await store.getArticle(article.id);
      const slugs = Object.fromEntries(
        live.languages.flatMap((l) => (l.slug === null ? [] : [[l.language, l.slug]])),
      );
      return { id: article.id, slug: article.slug, slugs };
    },
    get: (path, headers = {}) => Promise.resolve(app.request(path, { headers })),
    async publishBulk(count, body) {
      await publishBulk(store, { publisherKeyId, count, body });
    },
    async close() {
      await syndication.pageBodies.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A seed article from `test/fixtures/articles` as the API would store it: the first line
 * (after the language menu) is the title, the next the summary, every line a paragraph.
 *
 * @example
 * const content = seedContent('jef-extended-partner.txt', ['Defence']);
 */
export function seedContent(file: string, categories: readonly string[] = []): ArticleContent {
  const path = new URL(`../../../../test/fixtures/articles/${file}`, import.meta.url);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^•\s*\S{2}$/.test(l));
  const [title = '', ...paragraphs] = lines;
  const escapeText = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    title,
    summary: paragraphs[0] ?? '',
    body: sanitizeArticleHtml(paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n')),
    categories,
    image: { url: 'https://images.example.org/shmyhal.jpg', alt: 'Denys Shmyhal' },
  };
}
