import { createHash } from 'node:crypto';
import {
  type ArticleContent,
  type LanguageCode,
  sanitizeArticleHtml,
  textExcerpt,
} from '@tidings/core';
import { type PageBody, PageBodySanitizer } from './page-body-sanitizer.ts';
import { VersionedCache } from './versioned-cache.ts';

/**
 * Bodies at least this long are sanitized on a thread of their own; shorter ones take a few
 * milliseconds, less than the trip to the thread.
 */
export const OFF_THREAD_CHARS = 20_000;

/**
 * The sanitized body and description of each article page, made once per content and kept
 * until that content changes: sanitizing a body of the largest size an article may have
 * takes a few hundred milliseconds, which would hold every other request on each view. So
 * a long body is sanitized once, on a thread of its own ({@link OFF_THREAD_CHARS}), and a
 * view after that costs one hash. The content's hash is its version, so a revision or a new
 * translation is never served stale. Bounded: the least recently viewed page goes first.
 *
 * @example
 * const bodies = new PageBodies();
 * const { html, description } = await bodies.of('es', article.id, content);
 * bodies.renders; // 1, and still 1 after a second view of the same content
 */
export class PageBodies {
  readonly #cache: VersionedCache<PageBody>;
  readonly #sanitizer: PageBodySanitizer;
  #offThread = 0;

  constructor(options: { maxEntries?: number; sanitizer?: PageBodySanitizer } = {}) {
    this.#cache = new VersionedCache({ maxEntries: options.maxEntries ?? 100 });
    this.#sanitizer = options.sanitizer ?? new PageBodySanitizer();
  }

  /** How many bodies were sanitized since start: a page viewed again sanitizes nothing. */
  get renders(): number {
    return this.#cache.builds;
  }

  /** How many of those were made on the sanitizing thread, off the event loop. */
  get rendersOffThread(): number {
    return this.#offThread;
  }

  /** Stops the sanitizing thread. */
  close(): Promise<void> {
    return this.#sanitizer.close();
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
    const inline = (): PageBody => ({
      html: sanitizeArticleHtml(content.body),
      description: content.summary || textExcerpt(content.body, 200),
    });
    return this.#cache.get(language, articleId, version, async () => {
      if (content.body.length + content.summary.length < OFF_THREAD_CHARS) return inline();
      // A thread that cannot start or dies costs this view its speed, never the page.
      const body = await this.#sanitizer.sanitize(content).catch(() => undefined);
      if (!body) return inline();
      this.#offThread++;
      return body;
    });
  }
}
