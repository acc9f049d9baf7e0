/**
 * The thread that sanitizes large article bodies for pages (see {@link PageBodySanitizer}),
 * so that the API's event loop keeps answering other requests meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { sanitizeArticleHtml, textExcerpt } from '@tidings/core';
import type { PageBodyReply, PageBodyRequest } from './page-body-sanitizer.ts';

parentPort?.on('message', ({ id, body, summary }: PageBodyRequest) => {
  let reply: PageBodyReply;
  try {
    reply = {
      id,
      html: sanitizeArticleHtml(body),
      description: summary || textExcerpt(body, 200),
    };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
