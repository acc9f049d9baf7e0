import { apiHarness } from '@tidings/api/testing';
import { sanitizeArticleHtml } from '@tidings/core';
import { TRANSLATE_JOB, translateJobId } from '@tidings/queue';
import type { BenchRow } from './bench-row.ts';
import { seedHtml } from './corpus.ts';
import { median } from './measure.ts';

/**
 * Where the time of one `POST /v1/articles` goes, one request at a time: each step the route
 * takes, called through the same public store and queue methods (key lookup, sanitizing,
 * the article and its outbox written in one statement, enqueueing five jobs and marking
 * them enqueued, both of which the route leaves to the dispatcher after its answer, batched
 * with those of other requests), and the whole request through the app without HTTP;
 * median of `requests`.
 *
 * @example
 * const rows = await postBreakdown({ requests: 50 }, console.log);
 */
export async function postBreakdown(
  options: { requests: number; uniqueTitles: boolean },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const h = await apiHarness({ bodyLimitBytes: 256 * 1024 });
  try {
    const { title, body: html } = seedHtml('jef-extended-partner.txt');
    const times = new Map<string, number[]>();
    const time = async <T>(step: string, fn: () => Promise<T> | T): Promise<T> => {
      const started = performance.now();
      const out = await fn();
      times.set(step, [...(times.get(step) ?? []), performance.now() - started]);
      return out;
    };
    const key = await h.store.lookupToken(h.keys.publisher);
    if (key.status !== 'valid') throw new Error('publisher key not valid');
    for (let i = 0; i <= options.requests; i++) {
      await time('whole request in-process (app.request)', () =>
        h.call('POST', '/v1/articles', h.keys.publisher, {
          title: options.uniqueTitles ? `${title} ${i} bis` : title,
          body: html,
          language: 'en',
        }),
      );
      await time('store.lookupToken', () => h.store.lookupToken(h.keys.publisher));
      const body = await time('sanitizeArticleHtml', () => sanitizeArticleHtml(html));
      const write = await time('store.createArticle (article and outbox, one statement)', () =>
        h.store.createArticle({
          publisherKeyId: key.key.id,
          sourceLanguage: 'en',
          content: {
            title: options.uniqueTitles ? `${title} ${i}` : title,
            summary: '',
            body,
            categories: [],
          },
        }),
      );
      // The dispatcher enqueues from the article createArticle returns: nothing is read back.
      const { article } = write;
      await time("queue.addBulk (one request's 5 jobs, off the response path)", () =>
        h.queue.addBulk(
          write.requests.map((r) => ({
            name: TRANSLATE_JOB,
            data: {
              articleId: article.id,
              revision: r.revision,
              source: 'en',
              target: r.language,
              content: article.content,
            },
            opts: { jobId: translateJobId(article.id, r.revision, r.language) },
          })),
        ),
      );
      await time("store.markRequestsEnqueued (one request's, off the response path)", () =>
        h.store.markRequestsEnqueued(write.requests),
      );
      if (i === 0) times.clear(); // the first round warms up
    }
    const rows: BenchRow[] = [...times].map(([step, samples]) => ({
      section: 'http',
      name: `POST step${options.uniqueTitles ? '' : ' (same title)'}: ${step}`,
      value: median(samples),
      unit: 'ms',
      note: `one at a time, median of ${samples.length}${options.uniqueTitles ? ', a new title each' : ', every article titled alike'}`,
    }));
    progress(
      `  POST steps: ${rows.map((r) => `${r.name.replace(/^POST step[^:]*: /, '')} ${r.value.toFixed(2)} ms`).join('; ')}`,
    );
    return rows;
  } finally {
    await h.close();
  }
}
