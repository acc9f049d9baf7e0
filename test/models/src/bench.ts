import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoModelForSeq2SeqLM, AutoTokenizer, env, LogLevel } from '@huggingface/transformers';
import { benchDecoderStep } from './bench-decoder-step.ts';
import { ensureTestModels } from './ensure-test-models.ts';
import { writeOpusModel } from './opus-sized/write-opus-model.ts';
import { SEED_SENTENCES } from './test-sentences.ts';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '32' },
    runs: { type: 'string', default: '3' },
    threads: { type: 'string', default: process.env.ORT_THREADS ?? '2' },
    batches: { type: 'string', default: '1,16' },
    'skip-generation': { type: 'boolean', default: false },
  },
});
const tokens = Number(values.tokens);
const runs = Number(values.runs);
const threads = Number(values.threads);
const batches = values.batches.split(',').map(Number);
const MODEL = 'Xenova/opus-mt-en-es';

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const { opusSizedModelsDir } = await ensureTestModels({ kinds: ['opus-sized'] });
env.allowRemoteModels = false;
env.logLevel = LogLevel.ERROR;
env.localModelPath = `${opusSizedModelsDir}/`;

if (!values['skip-generation']) {
  const scratch = await mkdtemp(join(tmpdir(), 'opus-sized-'));
  const started = performance.now();
  await writeOpusModel(join(scratch, MODEL));
  console.log(
    `generation of the Opus-MT-sized model (4 ONNX files): ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await rm(scratch, { recursive: true, force: true });
}
const onnxDir = join(opusSizedModelsDir, MODEL, 'onnx');
for (const file of (await readdir(onnxDir)).sort()) {
  console.log(`  ${file}: ${mib((await stat(join(onnxDir, file))).size)}`);
}

console.log(
  `\nN = ${tokens} new tokens per row, median of ${runs} runs after one warm-up, intraOpNumThreads = ${threads}`,
);
console.log('dtype  batch  load s  median s  tokens/s');
const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
for (const dtype of ['fp32', 'q8'] as const) {
  const loadStarted = performance.now();
  const model = await AutoModelForSeq2SeqLM.from_pretrained(MODEL, {
    dtype,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  const load = (performance.now() - loadStarted) / 1000;
  for (const batch of batches) {
    const texts = Array.from(
      { length: batch },
      (_, i) => SEED_SENTENCES[i % SEED_SENTENCES.length] ?? '',
    );
    const inputs = tokenizer(texts, { padding: true });
    const once = async () => {
      const started = performance.now();
      await model.generate({ ...inputs, max_new_tokens: tokens, min_new_tokens: tokens });
      return (performance.now() - started) / 1000;
    };
    await once();
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push(await once());
    const m = median(times);
    console.log(
      `${dtype.padEnd(5)}  ${String(batch).padStart(5)}  ${load.toFixed(1).padStart(6)}  ${m.toFixed(3).padStart(8)}  ${((batch * tokens) / m).toFixed(1).padStart(8)}`,
    );
  }
  await model.dispose();
}

console.log(
  `\none cached decoder step on onnxruntime-node alone (no Transformers.js), median of ${runs}`,
);
console.log('file                                 batch  ms/step  tokens/s');
for (const file of ['decoder_model_merged.onnx', 'decoder_model_merged_quantized.onnx']) {
  for (const { batch, ms } of await benchDecoderStep(onnxDir, file, batches, { threads, runs })) {
    console.log(
      `${file.padEnd(36)} ${String(batch).padStart(5)}  ${ms.toFixed(1).padStart(7)}  ${((batch * 1000) / ms).toFixed(1).padStart(8)}`,
    );
  }
}
