/**
 * A translator process of the worker-scaling benchmark: loads the Opus-MT-sized model with
 * `ORT_THREADS` threads, then on each `go` message translates its sentences (the translator's
 * batching, a fixed number of new tokens) and answers with the seconds taken and the CPU seconds its threads used.
 */
import { planBatches } from '@tidings/translator';
import { opusTranslator } from './opus-models.ts';

const [threads = '1', newTokens = '12', batchTokens = '4096'] = process.argv.slice(2);
const sentences: string[] = JSON.parse(process.env.BENCH_SENTENCES ?? '[]');
const n = Number(newTokens);
const opus = await opusTranslator('fp32', Number(threads));
const batches = planBatches(sentences, Number(batchTokens)).map((b) =>
  b.map((i) => sentences[i] ?? ''),
);
await opus.translate(sentences.slice(0, 2), n);
process.on('message', async (message) => {
  if (message === 'go') {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const batch of batches) await opus.translate(batch, n);
    const used = process.cpuUsage(cpu);
    process.send?.({
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    });
  } else {
    await opus.close();
    process.exit(0);
  }
});
process.send?.('ready');
