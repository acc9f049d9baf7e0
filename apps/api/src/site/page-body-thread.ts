/**
 * The thread that sanitizes and excerpts large article bodies for pages and feeds (see
 * {@link PageBodySanitizer}), so that the API's event loop keeps answering other requests
 * meanwhile. It runs the very functions a render would ({@link doTextWork}).
 */
import { parentPort } from 'node:worker_threads';
import { doTextWork } from '@tidings/core';
import type { TextWorkReply, TextWorkRequest } from './page-body-sanitizer.ts';

parentPort?.on('message', ({ id, work }: TextWorkRequest) => {
  let reply: TextWorkReply;
  try {
    reply = { id, results: work.map(doTextWork) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
