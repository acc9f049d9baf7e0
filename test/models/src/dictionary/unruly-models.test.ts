import { env, LogLevel, pipeline, type TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels, type TestModels } from '../ensure-test-models.ts';
import { UNRULY_BEHAVIOURS, type UnrulyBehaviour } from './dictionary-behaviour.ts';

let models: TestModels;

beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['unruly'] });
  env.allowRemoteModels = false;
  env.logLevel = LogLevel.ERROR;
}, 120_000);

async function translate(
  behaviour: UnrulyBehaviour,
  model: string,
  texts: string[],
): Promise<string[]> {
  env.localModelPath = `${models.unrulyModelsDirs[behaviour]}/`;
  const t = (await pipeline('translation', model, { dtype: 'fp32' })) as TranslationPipeline;
  const out = (await t(texts, { max_new_tokens: 120 } as never)) as { translation_text: string }[];
  return out.map((o) => o.translation_text);
}

const SOURCE = 'The <g1> minister </g1> said 1,000.5 <x2/> 🇺🇦 ⟦ok⟧ Ukraine.';

/** What each unruly English-Spanish model makes of {@link SOURCE} (faithful: see below). */
const EXPECTED: Record<UnrulyBehaviour, string> = {
  'drop-tags': 'El ministro said 1,000.5 🇺🇦 ⟦ok⟧ Ucrania.',
  'drop-one-tag': 'El ministro </g1> said 1,000.5 <x2/> 🇺🇦 ⟦ok⟧ Ucrania.',
  'tags-to-end': 'El ministro said 1,000.5 🇺🇦 ⟦ok⟧ Ucrania. <g1> </g1> <x2/>',
  'spaced-tags': 'El < g 1 > ministro < / g 1 > said 1,000.5 < x 2 / > 🇺🇦 ⟦ok⟧ Ucrania.',
  'renumber-tags': 'El <g2> ministro </g2> said 1,000.5 <x3/> 🇺🇦 ⟦ok⟧ Ucrania.',
  'duplicate-tag': 'El <g1> <g1> ministro </g1> said 1,000.5 <x2/> 🇺🇦 ⟦ok⟧ Ucrania.',
  'misplace-tags': 'El ministro <g1> said </g1> 1,000.5 🇺🇦 <x2/> ⟦ok⟧ Ucrania.',
  // SentencePiece's word-start piece stays where the emoji was: two spaces.
  'unknown-characters': 'El <g1> ministro </g1> said 1,000.5 <x2/>  ok Ucrania.',
  loop: `${'El <g1> ministro </g1> said 1,000.5 <x2/> 🇺🇦 ⟦ok⟧ Ucrania. '.repeat(3)}El <g1> ministro </g1> sai`,
  'stop-early': 'El <g1> ministro </g1> said 1,0',
  'number-format': 'El <g1> ministro </g1> said 1.000,5 <x2/> 🇺🇦 ⟦ok⟧ Ucrania.',
};

describe('unruly dictionary models, through the stock translation pipeline', () => {
  it('exist for every behaviour, each in a MODELS_DIR of its own', () => {
    expect(Object.keys(models.unrulyModelsDirs).sort()).toEqual([...UNRULY_BEHAVIOURS].sort());
  });

  for (const behaviour of UNRULY_BEHAVIOURS) {
    it(`${behaviour}: fails on a sentence with placeholders as a real model does`, async () => {
      const [out] = await translate(behaviour, 'Xenova/opus-mt-en-es', [SOURCE]);
      expect(out).toBe(EXPECTED[behaviour]);
    });
  }

  it('unknown-characters: loses the Ukrainian apostrophe, as a real vocabulary without ʼ does', async () => {
    expect(
      await translate('unknown-characters', 'Xenova/opus-mt-uk-en', ['памʼять Україна']),
    ).toEqual(['память Ukraine']);
  });

  it('behave the same row by row in a padded batch', async () => {
    const short = 'Ukraine <g1> Ukraine </g1> war.';
    const [a, b] = await translate('tags-to-end', 'Xenova/opus-mt-en-es', [SOURCE, short]);
    expect([a, b]).toEqual([EXPECTED['tags-to-end'], 'Ucrania Ucrania war. <g1> </g1>']);
    const [c, d] = await translate('stop-early', 'Xenova/opus-mt-en-es', [SOURCE, short]);
    expect([c, d]).toEqual([EXPECTED['stop-early'], 'Ucrania <g1> Ucrania </']);
  });
});
