import { createLogger, exitWithMessage, listenFailure, onShutdown } from '@tidings/core';
import {
  createRedisConnection,
  inspectRedisSettings,
  logConnectionErrors,
  resultsQueue as openResultsQueue,
  publishGlossary,
  translateQueue,
  WorkerRegistry,
} from '@tidings/queue';
import { type GlossarySnapshot, openStore, StoreLockedError } from '@tidings/store';
import { loadGlossary, TranslationMemory } from '@tidings/translator/light';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createApp } from './app.ts';
import { bootstrapAdminKey } from './bootstrap-admin-key.ts';
import { loadConfig } from './config.ts';
import { drainResults } from './dispatch/drain-results.ts';
import { MemoryTeacher } from './dispatch/memory-teacher.ts';
import { Reconciler } from './dispatch/reconciler.ts';
import { startResultsConsumer } from './dispatch/results-consumer.ts';
import { TranslationDispatcher } from './dispatch/translation-dispatcher.ts';
import { startHttpServer } from './http-server.ts';
import { ApiMetrics } from './metrics/api-metrics.ts';
import { publishedForm } from './routes/glossary.ts';
import { Syndication } from './site/syndication.ts';

const PROGRAM = 'tidings-api';

// Network errors, and PostgreSQL's refusals of the connection itself: no such role, a wrong
// password (SQLSTATE class 28), no such database (3D000).
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
  '3D000',
]);

/**
 * The one line that says the PostgreSQL at `url` cannot be used (and what to do), when `error`
 * is a failure to connect or to log in; undefined for any other error. The password is left out.
 */
function postgresUnreachable(url: string, error: unknown): string | undefined {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  if (!UNREACHABLE_CODES.has(code) && !code.startsWith('28')) return undefined;
  const u = new URL(url);
  const where = `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  return `cannot open the store at DATABASE_URL (${where}): ${(error as Error).message}. Make sure PostgreSQL answers there and lets this user into that database, or correct DATABASE_URL (unset, the embedded store in DATA_DIR is used).`;
}
const config = loadConfig();
const logger = createLogger(config, 'api');

const store = await openStore({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  logger,
}).catch((error: unknown) => {
  // Another instance on this DATA_DIR is an everyday mistake, not a crash: one line says it.
  if (error instanceof StoreLockedError) exitWithMessage(PROGRAM, error.message);
  // So is a PostgreSQL that does not answer or does not let this user in.
  const unreachable = config.databaseUrl && postgresUnreachable(config.databaseUrl, error);
  if (unreachable) exitWithMessage(PROGRAM, unreachable);
  logger.fatal({ err: error }, (error as Error).message);
  logger.flush();
  process.exit(1);
});
await bootstrapAdminKey(store, config.dataDir, logger).catch(async (error: unknown) => {
  // Nothing was committed: the next start, once DATA_DIR is writable, makes the key.
  logger.fatal(
    { err: error },
    `could not write the first admin key into ${config.dataDir} (${(error as Error).message}); no key was made`,
  );
  logger.flush();
  await store.close();
  process.exit(1);
});

// GLOSSARY seeds a glossary nobody has changed yet; from then on the store's, edited through
// /v1/glossary, is the one workers use.
if (config.glossary !== undefined) {
  const path = config.glossary;
  const file = await loadGlossary(path).catch(async (error: unknown) => {
    await store.close();
    exitWithMessage(PROGRAM, `GLOSSARY: ${(error as Error).message}`);
  });
  if (await store.seedGlossary(file.terms)) {
    logger.info({ path, terms: file.terms.length }, 'seeded the glossary from GLOSSARY');
  }
}

const producer = createRedisConnection(config.redisUrl, 'producer');
logConnectionErrors(producer, logger, 'redis (producer)');
const sendGlossary = (snapshot: GlossarySnapshot, force = false) =>
  publishGlossary(producer, config.queuePrefix, publishedForm(snapshot), force);
// On every (re)connection the store's glossary is published again: it is the truth, and Redis
// may have been emptied or pointed at from another store meanwhile.
producer.on('ready', () => {
  store
    .getGlossary()
    .then((snapshot) => sendGlossary(snapshot, true))
    .catch((error: unknown) => logger.warn({ err: error }, 'could not publish the glossary'));
});
const consumerConnection = createRedisConnection(config.redisUrl, 'worker');
logConnectionErrors(consumerConnection, logger, 'redis (results consumer)');

// Said once at start, loudly, and again by `tidings doctor`: such a Redis can lose work.
producer.once('ready', () => {
  inspectRedisSettings(producer).then(
    ({ problems }) => {
      for (const problem of problems) logger.warn(problem);
    },
    (error: unknown) => logger.warn({ err: error }, 'could not read the Redis settings'),
  );
});

// Counted in Redis so that every API instance shares one budget per key; while Redis is
// away, each instance counts in memory instead of letting everything through.
const limiter = new RateLimiterRedis({
  storeClient: producer,
  keyPrefix: `${config.queuePrefix}:rate`,
  points: config.rateLimitPerMinute,
  duration: 60,
  insuranceLimiter: new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 }),
});

const queue = translateQueue({ connection: producer, prefix: config.queuePrefix });
logConnectionErrors(queue, logger, 'translate queue');
const dispatcher = new TranslationDispatcher(queue, store, logger);
const reconciler = new Reconciler(dispatcher, store, queue, logger, {
  intervalMs: config.reconcileIntervalMs,
  overdueAfterMs: config.reconcileOverdueMs,
  stalledRetries: config.stalledRetries,
});
// Editors' corrections and approvals teach the translation memory the workers read.
const teacher = new MemoryTeacher({
  store,
  memory: new TranslationMemory(producer, {
    prefix: `${config.queuePrefix}:tm:`,
    ttlSeconds: config.translationMemoryTtlDays * 24 * 3600,
  }),
  logger,
  intervalMs: config.reconcileIntervalMs,
});
// For the operators' dashboard only: results are consumed by the worker below.
const resultsQueue = openResultsQueue({ connection: producer, prefix: config.queuePrefix });
// Without a listener BullMQ prints every Redis outage as a raw stack trace to stderr.
logConnectionErrors(resultsQueue, logger, 'results queue');
const syndication = new Syndication({
  store,
  publicUrl: config.publicUrl,
  logger,
  hubUrl: config.websubHubUrl,
  site: config.site,
  languages: config.languages,
});
const workers = new WorkerRegistry(producer, config.queuePrefix);
const metrics = new ApiMetrics({ store, queues: [queue], workers });
const results = startResultsConsumer({
  connection: consumerConnection,
  prefix: config.queuePrefix,
  store,
  dispatcher,
  stalledRetries: config.stalledRetries,
  logger,
  onPublished: (articleId) => void syndication.onChange(articleId),
  onResult: (result) => metrics.observeResult(result),
});
reconciler.start();
teacher.start();

const app = createApp({
  logger,
  readiness: [
    { name: 'redis', check: async () => void (await producer.ping()) },
    { name: 'store', check: () => store.ping() },
  ],
  bodyLimitBytes: config.bodyLimitBytes,
  maxArticleChars: config.maxArticleChars,
  publicUrl: config.publicUrl,
  metrics,
  dashboardQueues: [queue, resultsQueue],
  workers,
  site: syndication,
  desk: {
    sessionSecret: config.deskSessionSecret,
    sessionTtlSeconds: config.deskSessionTtlSeconds,
  },
  v1: {
    store,
    dispatcher,
    publicUrl: config.publicUrl,
    queueAvailable: () => producer.status === 'ready',
    limiter,
    onChange: (articleId) => void syndication.onChange(articleId),
    languageDetectionThreshold: config.languageDetectionThreshold,
    publishGlossary: sendGlossary,
    languages: config.languages,
    teacher,
  },
});

const server = startHttpServer(
  {
    app,
    logger,
    port: config.port,
    hostname: config.host,
    requestTimeoutMs: config.requestTimeoutMs,
    headersTimeoutMs: config.headersTimeoutMs,
    publicUrl: config.publicUrl,
  },
  () => {
    const port = (server.address() as { port: number } | null)?.port ?? config.port;
    logger.info(
      { url: config.publicUrl, port, store: store.kind },
      `Tidings API listening on http://${config.host}:${port}`,
    );
    // `npm start` says "up" on this message: an answer on the port could be another instance.
    process.send?.({ type: 'listening', port });
  },
);
server.once('error', (error: NodeJS.ErrnoException) => {
  const line = listenFailure(config.host, config.port, error.code);
  if (line === undefined)
    logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
  const fail = () => {
    logger.flush();
    if (line !== undefined) exitWithMessage(PROGRAM, line);
    process.exit(1);
  };
  // The store is open and the consumers run: close them as on any stop, then say why.
  setTimeout(fail, config.shutdownTimeoutMs);
  void stopServices().finally(fail);
});

/** Stops everything but the HTTP server, in the order that loses nothing. */
async function stopServices(): Promise<void> {
  await reconciler.stop();
  await teacher.stop();
  await results.close();
  // What the last requests answered handed over is enqueued, and marked, before the queue
  // and the store close (the HTTP server is closed: no request hands over more).
  await dispatcher.flush();
  await queue.close();
  await resultsQueue.close();
  producer.disconnect();
  consumerConnection.disconnect();
  await store.close();
}

onShutdown(logger, config.shutdownTimeoutMs, async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // `npm start` stops its workers first: what they finished on the way out is persisted now
  // rather than at the next start.
  await drainResults(resultsQueue, config.shutdownTimeoutMs / 2);
  await stopServices();
  await syndication.pageBodies.close();
});
