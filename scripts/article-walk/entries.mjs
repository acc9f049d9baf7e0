// The article walk's configuration: where each step of the article is handled (ENTRIES), the
// halls every request crosses (HALLS) and what the one request fixes (FACTS). The forms are
// described in scripts/article-walk.mjs's header.

/** Where each step of this article is handled (see the header for the form). */
export const ENTRIES = [
  // Its POST (mounted at /v1/articles), and what the hall runs around every request.
  'apps/api/src/routes/articles.ts#articleRoutes POST /',
  'apps/api/src/middleware/compress-responses.ts#compressResponses',
  'apps/api/src/on-error.ts#errorHandler',
  'apps/api/src/metrics/api-metrics.ts#ApiMetrics.middleware',
  // Its translation requests handed to the queue (the POST calls it too).
  'apps/api/src/dispatch/translation-dispatcher.ts#TranslationDispatcher.enqueue',
  // Its translate job in the worker, and the request the worker sends its engine.
  'apps/worker/src/translate-processor.ts#translateProcessor',
  // What the worker's main wraps it in and hands it: the job is held while it runs, its lock's
  // renewals noted (locksRenewed), the engine's model loads taken for the result.
  'apps/worker/src/held-jobs.ts#HeldJobs.holding',
  'apps/worker/src/held-jobs.ts#HeldJobs.renewed',
  'apps/worker/src/engine-client.ts#EngineClient.takeModelLoads',
  'apps/worker/src/translation-engine.ts ON message',
  // Its results (started, then the translation) persisted by the API.
  'apps/api/src/dispatch/results-consumer.ts#startResultsConsumer.persist',
  // What main.ts hands those as callbacks (a function-typed dependency leads the walk nowhere):
  // the POST's onChange and the consumer's onPublished drop the feeds' cache, onResult counts.
  'apps/api/src/site/syndication.ts#Syndication.onChange',
  'apps/api/src/metrics/api-metrics.ts#ApiMetrics.observeResult',
  // Its German RSS feed (mounted at /feeds).
  'apps/api/src/routes/feeds.ts#feedRoutes GET /de/rss.xml',
];
/** Crossed by every request, counted, not followed. */
export const HALLS = ['apps/api/src/app.ts'];
/**
 * What this one request fixes, so that a condition on it takes one branch: `call` a function
 * (FILE#NAME) whose every call returns `is`; `property` a property of that name declared in one
 * of the files (or folders) `in`; `type` a value of that type (alias) name.
 */
export const FACTS = [
  {
    call: 'apps/api/src/routes/feeds.ts#opensAsPage',
    is: false,
    because: 'a feed reader asks for the feed; no browser opened its address',
  },
  { type: 'FeedFormat', is: 'rss', because: 'the feed asked for is rss.xml' },
  ...['categorySlug', 'category'].map((property) => ({
    property,
    in: ['apps/api/src/site/syndication.ts', 'packages/store/src/listing-repository.ts'],
    is: undefined,
    because: "the language's feed, not a category's",
  })),
  {
    property: 'before',
    in: ['apps/api/src/site/syndication.ts', 'packages/store/src/listing-repository.ts'],
    is: undefined,
    because: "the feed's first page",
  },
  {
    property: 'outcome',
    in: ['packages/queue/src/'],
    is: 'published',
    because: 'the translation is published',
  },
];
