import { parseArgs } from 'node:util';
import { ensureTestModels } from './ensure-test-models.ts';

const { values } = parseArgs({
  options: {
    'cache-dir': { type: 'string' },
    only: { type: 'string' },
  },
});
type Kind = 'dictionary' | 'opus-sized';
const isKind = (value: string): value is Kind => value === 'dictionary' || value === 'opus-sized';
const only = values.only;
if (only !== undefined && !isKind(only)) {
  console.error(`--only must be "dictionary" or "opus-sized", not "${only}"`);
  process.exit(2);
}
const asked: Kind[] = only !== undefined && isKind(only) ? [only] : ['dictionary', 'opus-sized'];
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const models = await ensureTestModels({
  ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
  kinds: asked,
  onProgress: ({ kind, model, file, bytes }) => {
    const detail = file ? ` ${file} (${((bytes ?? 0) / 2 ** 20).toFixed(1)} MiB)` : '';
    console.log(`[${seconds()}s] ${kind} ${model}${detail}`);
  },
});
for (const kind of asked) {
  if (!models.generated.includes(kind)) console.log(`${kind}: up to date`);
}
console.log(`[${seconds()}s] ready`);
console.log(`  dictionary MODELS_DIR: ${models.dictionaryModelsDir}`);
console.log(`  opus-sized MODELS_DIR: ${models.opusSizedModelsDir}`);
