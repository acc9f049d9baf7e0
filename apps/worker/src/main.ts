/** The worker's entry (`npm run worker`): the configuration from the environment, nothing else. */
import { exitWithMessage } from '@tidings/core';
import { loadGlossary, loadModelMap } from '@tidings/translator/light';
import { loadConfig } from './config.ts';
import { startWorker } from './start-worker.ts';

const config = loadConfig();
// The MODEL_MAP and GLOSSARY files are read here first, so that a mistake in either stops the
// worker with one line, as a bad variable does; read only by the translation engine, it killed
// the engine at every start while the worker took jobs and failed each of them.
if (config.modelMap !== undefined && config.models !== 'demo') {
  await loadModelMap(config.modelMap, config.languages).catch((error: unknown) =>
    exitWithMessage('tidings-worker', `MODEL_MAP: ${(error as Error).message}`),
  );
}
if (config.glossary !== undefined) {
  await loadGlossary(config.glossary).catch((error: unknown) =>
    exitWithMessage('tidings-worker', `GLOSSARY: ${(error as Error).message}`),
  );
}
startWorker(config);
