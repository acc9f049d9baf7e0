import {
  AutoTokenizer,
  env,
  LogLevel,
  MarianMTModel,
  pipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '../ensure-test-models.ts';
import { SEED_SENTENCES } from '../test-sentences.ts';
import { CONCEPTS } from './concepts.ts';
import { expectedTranslation } from './expected-translation.ts';
import { DICTIONARY_DIRECTIONS, type Direction, LANGUAGES, modelId } from './languages.ts';

const SESSION = { dtype: 'fp32', session_options: { intraOpNumThreads: 1 } } as const;

async function translator(direction: Direction): Promise<TranslationPipeline> {
  return (await pipeline('translation', modelId(direction), SESSION)) as TranslationPipeline;
}

async function translate(t: TranslationPipeline, texts: string[]): Promise<string[]> {
  const out = (await t(texts)) as { translation_text: string }[];
  return out.map((o) => o.translation_text);
}

/** A seed sentence written in `lang` (through the dictionary, from English). */
function inLanguage(sentence: string, lang: Direction['src']): string {
  return lang === 'en' ? sentence : expectedTranslation(sentence, { src: 'en', tgt: lang });
}

beforeAll(async () => {
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  env.allowRemoteModels = false;
  // The stock MarianTokenizer warns once per load that it is not a "fast" tokenizer.
  env.logLevel = LogLevel.ERROR;
  env.localModelPath = `${dictionaryModelsDir}/`;
}, 120_000);

describe('the concept table', () => {
  it('holds one lower-case word per language in every cell', () => {
    expect(CONCEPTS.length).toBeGreaterThan(250);
    for (const concept of CONCEPTS) {
      for (const lang of LANGUAGES) {
        const word = concept[lang];
        if (word !== undefined) expect(word).toMatch(/^[\p{Ll}\p{M}]+$/u);
      }
    }
    expect(CONCEPTS.find((c) => c.en === 'ukraine')?.uk).toBe('україна');
  });
});

describe('dictionary models through the stock translation pipeline', () => {
  it('translates English to Spanish word by word, keeping names, numbers, URLs and punctuation', async () => {
    const t = await translator({ src: 'en', tgt: 'es' });
    expect(await translate(t, [...SEED_SENTENCES])).toEqual([
      'Ucrania ha sido concedido ampliado socio estatus en el Conjunta Expedicionaria Fuerza (JEF).',
      'Este fue oficialmente anunció por Ucraniano Defensa Ministro Denys Shmyhal sobre Noviembre 5 mediante su oficial Telegram canal.',
      'Foto: Denys Shmyhal (t.me/Denys_Smyhal)',
      '"Agradecido a Noruego Defensa Ministro Tore O. Sandvik y UK Defensa Secretario John Healey para el invitación.',
      'Chas Pravdy - 05 Noviembre 2025 13:08',
    ]);
  });

  it('preserves case and leaves words it does not know (or that have no Ukrainian word) unchanged', async () => {
    const t = await translator({ src: 'en', tgt: 'uk' });
    expect(await translate(t, ['Ukraine ukraine UKRAINE Ukrainians a (a) Sandvik'])).toEqual([
      'Україна україна УКРАЇНА Ukrainians a (a) Sandvik',
    ]);
    const [first] = await translate(t, [SEED_SENTENCES[0] ?? '']);
    expect(first).toBe(
      'Україна має був надано розширений партнер статус в the Спільна Експедиційна Сила (JEF).',
    );
  });

  it('keeps markup placeholders, emoji and typographic apostrophes', async () => {
    const t = await translator({ src: 'en', tgt: 'es' });
    const text = 'Ukraine ⟦0⟧ 🇺🇦 \uE000Ukraine\uE001 памʼять «Ukraine»';
    expect(await translate(t, [text])).toEqual([
      'Ucrania ⟦0⟧ 🇺🇦 \uE000Ukraine\uE001 памʼять «Ucrania»',
    ]);
    expect(expectedTranslation(text, { src: 'en', tgt: 'es' })).toBe(
      'Ucrania ⟦0⟧ 🇺🇦 \uE000Ukraine\uE001 памʼять «Ucrania»',
    );
  });

  it('translates a single-letter word only where it stands alone', async () => {
    const t = await translator({ src: 'en', tgt: 'es' });
    expect(await translate(t, ['a Sandvik, I "a" (I) iPhone'])).toEqual([
      'un Sandvik, Yo "un" (Yo) iPhone',
    ]);
  });

  for (const direction of DICTIONARY_DIRECTIONS) {
    const name = `${direction.src} -> ${direction.tgt}`;
    it(`translates ${name} exactly, one sentence and a batch`, async () => {
      const t = await translator(direction);
      const sources = SEED_SENTENCES.map((s) => inLanguage(s, direction.src));
      const expected = sources.map((s) => expectedTranslation(s, direction));
      expect(await translate(t, [sources[1] ?? ''])).toEqual([expected[1]]);
      expect(await translate(t, sources)).toEqual(expected);
      expect(expected[1]).not.toBe(sources[1]);
      for (const kept of [
        'Denys Shmyhal',
        ' 5 ',
        'Telegram',
        '(t.me/Denys_Smyhal)',
        '2025 13:08',
      ]) {
        expect(expected.join(' | ')).toContain(kept);
      }
    });
  }
});

describe('the tokenizer, as a real Marian conversion has it', () => {
  it('is a Unigram model with an unknown token: a character without a piece becomes <unk>', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained('Xenova/opus-mt-en-es');
    const json = (tokenizer as unknown as { _tokenizerJSON?: { model?: object } })._tokenizerJSON;
    expect(json?.model).toMatchObject({ type: 'Unigram', unk_id: 1 });
    // Linear B is in no vocabulary: one <unk> (id 1) in the middle, `</s>` (id 0) at the end.
    const ids = tokenizer.encode('Ukraine \u{10000} Ukraine');
    expect(ids.filter((id) => id === 1)).toHaveLength(1);
    expect(ids.at(-1)).toBe(0);
    // The word-start piece stays, the character is gone: two spaces, as SentencePiece leaves them.
    expect(tokenizer.decode(ids, { skip_special_tokens: true })).toBe('Ukraine  Ukraine');
  });
});

describe('loading with the model and tokenizer classes', () => {
  it('generates with MarianMTModel and AutoTokenizer from the local directory, also as q8', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained('Xenova/opus-mt-de-en');
    const model = await MarianMTModel.from_pretrained('Xenova/opus-mt-de-en', {
      ...SESSION,
      dtype: 'q8',
    });
    const inputs = tokenizer(['Die Ukraine ist bereit, Shmyhal.'], { padding: true });
    const output = await model.generate({ ...inputs, max_new_tokens: 64 });
    expect(tokenizer.batch_decode(output as never, { skip_special_tokens: true })).toEqual([
      'The Ukraine is ready, Shmyhal.',
    ]);
  });
});
