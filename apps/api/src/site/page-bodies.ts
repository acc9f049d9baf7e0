import { createHash } from 'node:crypto';
import {
  type ArticleContent,
  type LanguageCode,
  sanitizeArticleHtml,
  textExcerpt,
} from '@tidings/core';
import { VersionedCache } from './versioned-cache.ts';

/** What an article page shows of a body that takes work to make safe. */
export interface PageBody {
  /** The body sanitized again for the page: a page never trusts the store's writers. */
  readonly html: string;
  /** The summary, or the start of the body's text when there is none. */
  readonly description: string;
}

/**
 * The sanitized body and description of each article page, made once per content and kept
 * until that content changes: sanitizing a body of the largest size an article may have
 * takes a few hundred milliseconds, which would hold every other request on each view.
 * The content's hash is its version, so a revision or a new translation is never served
 * stale. Bounded: the least recently viewed page goes first.
 *
 * @example
 * const bodies = new PageBodies();
 * const { html, description } = await bodies.of('es', article.id, content);
 * bodies.renders; // 1, and still 1 after a second view of the same content
 */
export class PageBodies {
  readonly #cache: VersionedCache<PageBody>;

  constructor(options: { maxEntries?: number } = {}) {
    this.#cache = new VersionedCache({ maxEntries: options.maxEntries ?? 100 });
  }

  /** How many bodies were sanitized since start: a page viewed again sanitizes nothing. */
  get renders(): number {
    return this.#cache.builds;
  }

  /** The page body of one article's content in one language. */
  of(
    language: LanguageCode,
    articleId: string,
    content: Pick<ArticleContent, 'body' | 'summary'>,
  ): Promise<PageBody> {
    const version = createHash('sha256')
      .update(content.summary)
      .update('\u0000')
      .update(content.body)
      .digest('base64url');
    return this.#cache.get(language, articleId, version, async () => ({
      html: sanitizeArticleHtml(content.body),
      description: content.summary || textExcerpt(content.body, 200),
    }));
  }
}
