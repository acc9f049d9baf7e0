import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  env,
  LogLevel,
  type Tensor,
} from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '../ensure-test-models.ts';
import { SEED_SENTENCES } from '../test-sentences.ts';
import { raggedTargetLength } from './ragged-length.ts';

const MODEL = 'Xenova/opus-mt-en-es';
let dir = '';

beforeAll(async () => {
  dir = (await ensureTestModels({ kinds: ['opus-ragged'] })).opusRaggedModelsDir;
  env.allowRemoteModels = false;
  env.logLevel = LogLevel.ERROR;
  env.localModelPath = `${dir}/`;
  env.cacheDir = dir;
}, 300_000);

describe('the ragged Opus-MT-sized variant', () => {
  it('writes raggedTargetLength(source) tokens and </s> on every row of a batch, in fp32 and q8', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL, { cache_dir: dir });
    const sentences = SEED_SENTENCES.slice(0, 6) as string[];
    const lengths = sentences.map((s) => tokenizer.encode(s).length);
    // Unequal sources: the rows must end apart, not all at the batch's longest.
    expect(new Set(lengths.map(raggedTargetLength)).size).toBeGreaterThan(2);
    for (const dtype of ['fp32', 'q8'] as const) {
      const model = await AutoModelForSeq2SeqLM.from_pretrained(MODEL, {
        dtype,
        cache_dir: dir,
        session_options: { intraOpNumThreads: 2, interOpNumThreads: 1 },
      });
      const output = (await model.generate({
        ...tokenizer(sentences, { padding: true }),
        max_new_tokens: 200,
      })) as Tensor;
      const [rows = 0, width = 0] = output.dims;
      const ids = output.tolist() as bigint[][];
      for (let r = 0; r < rows; r++) {
        const row = (ids[r] ?? []).map(Number);
        // Start token, the target length of tokens, then </s> (id 0), then padding.
        const end = row.indexOf(0, 1);
        expect(end - 1, `${dtype} row ${r}`).toBe(raggedTargetLength(lengths[r] ?? 0));
      }
      expect(width - 2).toBe(Math.max(...lengths.map(raggedTargetLength)));
      await model.dispose();
    }
  }, 300_000);
});
