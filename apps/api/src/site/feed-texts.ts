import { keepTextWork, textWorkPending } from '@tidings/core';
import { type FeedDocument, feedTextWork } from '@tidings/feed';
import type { PageBodySanitizer } from './page-body-sanitizer.ts';

/**
 * Makes a feed's large entry bodies ready before the feed is rendered: sanitizing the HTML of
 * an article of the largest size, and excerpting it when it has no summary, takes a few
 * hundred milliseconds, which during a render on the event loop would hold every other
 * request. So whatever rendering would do on a large body and is not kept yet is done on the
 * sanitizing thread the pages use, and its result kept where the render looks for it
 * (`keepTextWork`); the render then only assembles. If the thread cannot start or dies, the
 * render does that work itself, as it did before: slower, never a failed feed.
 *
 * @example
 * const texts = new FeedTexts(sanitizer);
 * await texts.prepare(doc);
 * renderFeed(doc, 'atom'); // no large body sanitized on the event loop
 */
export class FeedTexts {
  readonly #sanitizer: PageBodySanitizer;
  #offThread = 0;

  constructor(sanitizer: PageBodySanitizer) {
    this.#sanitizer = sanitizer;
  }

  /** How many large texts were sanitized or excerpted for feeds on the thread since start. */
  get offThread(): number {
    return this.#offThread;
  }

  /** Does on the thread, and keeps, the large work that rendering `doc` would do. */
  async prepare(doc: FeedDocument): Promise<void> {
    const work = feedTextWork(doc).filter(textWorkPending);
    if (work.length === 0) return;
    const results = await this.#sanitizer.run(work).catch(() => undefined);
    if (!results) return;
    work.forEach((w, i) => {
      const result = results[i];
      if (result !== undefined) keepTextWork(w, result);
    });
    this.#offThread += work.length;
  }
}
