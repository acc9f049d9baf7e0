/**
 * A translator process of the worker-memory benchmark: reports its resident memory with no
 * model, then after each step loads more models by translating a short article; `kind` picks
 * the dictionary models (en→es; en→es,de,fr; en→es,de,fr,it,uk) or the Opus-MT-sized en→es in
 * fp32 or int8, or (`served-fp32`, `served-q8`) every model the six languages' 30 directions
 * need, preloaded as a worker does at start (PRELOAD_MODELS=served), in fp32 or int8.
 */
import { LANGUAGE_CODES } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { servedDirections, Translator } from '@tidings/translator';

const kind = process.argv[2] ?? 'dictionary';
const content = {
  title: 'Ukraine.',
  summary: '',
  body: '<p>The minister said.</p>',
  categories: [],
};
const rss = () => process.memoryUsage().rss / 2 ** 20;
const report: { models: number; rssMiB: number }[] = [{ models: 0, rssMiB: rss() }];
if (kind === 'dictionary') {
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  const translator = await Translator.create({
    modelsDir: dictionaryModelsDir,
    cacheSize: 5,
    ortThreads: 1,
  });
  for (const targets of [['es'], ['es', 'de', 'fr'], ['es', 'de', 'fr', 'it', 'uk']] as const) {
    await translator.translateArticle(content, 'en', targets);
    report.push({ models: translator.loadedModels.length, rssMiB: rss() });
  }
  await translator.close();
} else if (kind.startsWith('served-')) {
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  const translator = await Translator.create({
    modelsDir: dictionaryModelsDir,
    cacheSize: 30,
    ortThreads: 1,
    dtype: kind === 'served-q8' ? 'q8' : 'fp32',
  });
  await translator.preload(servedDirections(LANGUAGE_CODES));
  report.push({ models: translator.loadedModels.length, rssMiB: rss() });
  await translator.close();
} else {
  const { opusSizedModelsDir } = await ensureTestModels({ kinds: ['opus-sized'] });
  const translator = await Translator.create({
    modelsDir: opusSizedModelsDir,
    cacheSize: 1,
    ortThreads: 1,
    dtype: kind === 'opus-q8' ? 'q8' : 'fp32',
  });
  await translator.translateArticle({ ...content, body: '' }, 'en', ['es']);
  report.push({ models: translator.loadedModels.length, rssMiB: rss() });
  await translator.close();
}
process.send?.(report);
process.exit(0);
