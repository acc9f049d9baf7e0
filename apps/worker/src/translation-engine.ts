/**
 * The translation engine: a child process of the worker that owns the models and runs every
 * translation, one `ArticleBatcher` over one `Translator`. ONNX Runtime runs a session on the
 * calling thread, so translation lives here while the worker's event loop stays free to renew
 * its job locks; and since every job of the worker comes here, the jobs in hand share batches
 * and one copy of each model, whatever WORKER_CONCURRENCY is.
 */
import { createLogger } from '@tidings/core';
import {
  createRedisConnection,
  logConnectionErrors,
  publishedGlossaryVersion,
  readPublishedGlossary,
} from '@tidings/queue';
import {
  ArticleBatcher,
  DEMO_MODEL_MAP,
  parseGlossary,
  servedDirections,
  Translator,
} from '@tidings/translator';
import { loadConfig } from './config.ts';
import {
  type CancelRequest,
  type EngineMessage,
  parseEngineArgs,
  sendToParent,
  type TranslateRequest,
} from './engine-protocol.ts';
import { failureOf } from './failure-of.ts';
import { dieWithParent } from './orphan-guard.ts';

// An engine whose worker died with SIGKILL would translate on for nobody.
dieWithParent();

const config = loadConfig();
// Set only by a benchmark that starts the worker itself (engine-protocol.ts); never by env.
const benchmark = parseEngineArgs(process.argv.slice(2));
const logger = createLogger(config, 'worker');
const connection = createRedisConnection(config.redisUrl, 'worker');
logConnectionErrors(connection, logger, 'redis (translation memory)');
// A worker killed with SIGKILL closes the channel under a send in flight: the engine leaves quietly.
const send = (message: EngineMessage) => sendToParent(message);

const translator = await Translator.create({
  onLoad: (model, ms) => send({ type: 'load', model, ms: Math.round(ms) }),
  modelsDir: config.modelsDir,
  modelMap: config.models === 'demo' ? DEMO_MODEL_MAP : config.modelMap,
  glossary: config.glossary,
  languages: config.languages,
  allowRemoteModels: config.allowRemoteModels,
  remoteHost: config.modelHubUrl,
  cacheSize: config.modelCacheSize,
  ortThreads: config.ortThreads || undefined,
  dtype: config.modelDtype,
  batchTokens: config.translateBatchTokens,
  maxArticleChars: config.maxArticleChars,
  redis: connection,
  memory: {
    prefix: `${config.queuePrefix}:tm:`,
    ttlSeconds: config.translationMemoryTtlDays * 24 * 3600,
  },
  ...benchmark,
});
const batcher = new ArticleBatcher(translator);

// The glossary editors change through the API: its version is read before each job (one GET),
// and the glossary itself only when that changed. Until the API has published one, the GLOSSARY
// file read at start stays in use; when Redis cannot say, the glossary in hand does.
let glossaryVersion: number | undefined;
let glossaryCheck: Promise<void> | undefined;
const checkGlossary = async (): Promise<void> => {
  try {
    const version = await publishedGlossaryVersion(connection, config.queuePrefix);
    if (version === null || version === glossaryVersion) return;
    const published = await readPublishedGlossary(connection, config.queuePrefix);
    if (!published || published.version === glossaryVersion) return;
    translator.useGlossary(
      parseGlossary({ terms: published.terms }, `${config.queuePrefix}:glossary`),
    );
    glossaryVersion = published.version;
    logger.info({ version: published.version }, 'now using glossary version');
  } catch (error) {
    logger.warn({ err: error }, 'could not read the published glossary; keeping the one in use');
  }
};
/** Brings the glossary up to date, once for all the jobs that arrive while it is read. */
const currentGlossary = (): Promise<void> => {
  glossaryCheck ??= checkGlossary().finally(() => {
    glossaryCheck = undefined;
  });
  return glossaryCheck;
};
// Requests in hand, so that one whose job the worker lost can be withdrawn while it waits.
const inHand = new Map<number, AbortController>();
const reportModels = () => send({ type: 'models', models: translator.loadedModels });

process.on('message', (message: TranslateRequest | CancelRequest | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void translator.close().finally(() => {
      connection.disconnect();
      process.exit(0);
    });
    return;
  }
  if (message.type === 'cancel') {
    inHand.get(message.id)?.abort(new Error('the worker lost this job'));
    return;
  }
  const { id, content, source, targets } = message;
  const withdraw = new AbortController();
  inHand.set(id, withdraw);
  currentGlossary()
    .then(() =>
      batcher.translateArticle(content, source, targets, {
        progress: ({ done, total }) => send({ type: 'progress', id, done, total }),
        signal: withdraw.signal,
      }),
    )
    .finally(() => {
      inHand.delete(id);
      reportModels();
    })
    .then(
      (results) => send({ type: 'done', id, results: [...results.entries()] }),
      (error: Error & { unrecoverable?: boolean }) =>
        send({
          type: 'failed',
          id,
          error: {
            name: error.name,
            message: error.message,
            unrecoverable: error.unrecoverable === true,
            failure: failureOf(error),
          },
        }),
    );
});
// The worker's own 'disconnect' is its way of saying goodbye when it exits normally.
process.on('disconnect', () => process.exit(0));
await preload();
send({ type: 'ready' });

/**
 * PRELOAD_MODELS: loads the models of the served directions (or the listed ones) before the
 * worker takes its first job, saying each one as it is ready (the heartbeat lists them).
 */
async function preload(): Promise<void> {
  const { preloadModels } = config;
  if (preloadModels === 'none') return;
  const directions =
    preloadModels === 'served' ? servedDirections(config.languages) : preloadModels;
  const started = performance.now();
  const failed: string[] = [];
  const plan = await translator.preload(directions, (event) => {
    reportModels();
    const fields = { model: event.model, ms: Math.round(event.ms) };
    if (event.error) {
      failed.push(event.model);
      logger.warn(
        { ...fields, err: event.error },
        `could not preload model ${event.index}/${event.total}; its first job will try again`,
      );
    } else logger.info(fields, `preloaded model ${event.index}/${event.total}`);
  });
  // Only what loaded is counted as preloaded; the models that failed are said apart.
  const total = plan.steps.length;
  const message = [
    `preloaded ${total - failed.length}${failed.length ? ` of ${total}` : ''} models${plan.left.length ? ' (MODEL_CACHE_SIZE)' : ''}`,
    ...(failed.length
      ? [`${failed.length} could not be loaded (their first jobs will try again)`]
      : []),
    ...(plan.left.length ? [`${plan.left.length} more load on first use`] : []),
  ].join('; ');
  logger[failed.length ? 'warn' : 'info'](
    {
      models: translator.loadedModels,
      ms: Math.round(performance.now() - started),
      ...(failed.length ? { failed } : {}),
      ...(plan.left.length ? { leftToFirstUse: plan.left } : {}),
    },
    message,
  );
}
