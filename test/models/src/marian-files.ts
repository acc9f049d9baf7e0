import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** SentencePiece's word-start mark, as Marian vocabularies spell it. */
export const META = '\u2581';

/** The shape of a Marian model, as `config.json` states it. */
export interface MarianShape {
  vocabSize: number;
  dModel: number;
  layers: number;
  heads: number;
  ffn: number;
  /** Languages, for `_name_or_path` (not in `tokenizer_config.json`: Transformers.js would
   * read a WordLevel vocabulary as per-language when `target_lang` is set). */
  src: string;
  tgt: string;
}

/**
 * Writes the JSON files of a Marian model directory as an Opus-MT conversion has them:
 * `config.json`, `generation_config.json`, `tokenizer.json` and `tokenizer_config.json`.
 * `<pad>` is the last id and starts decoding; `</s>` (id 0) ends it.
 */
export async function writeMarianFiles(
  dir: string,
  shape: MarianShape,
  tokenizerJson: object,
): Promise<void> {
  const pad = shape.vocabSize - 1;
  const config = {
    _name_or_path: `Helsinki-NLP/opus-mt-${shape.src}-${shape.tgt}`,
    architectures: ['MarianMTModel'],
    model_type: 'marian',
    is_encoder_decoder: true,
    activation_function: 'swish',
    activation_dropout: 0,
    attention_dropout: 0,
    dropout: 0.1,
    d_model: shape.dModel,
    encoder_layers: shape.layers,
    decoder_layers: shape.layers,
    encoder_attention_heads: shape.heads,
    decoder_attention_heads: shape.heads,
    encoder_ffn_dim: shape.ffn,
    decoder_ffn_dim: shape.ffn,
    vocab_size: shape.vocabSize,
    decoder_vocab_size: shape.vocabSize,
    max_position_embeddings: 512,
    scale_embedding: true,
    static_position_embeddings: true,
    normalize_embedding: false,
    share_encoder_decoder_embeddings: true,
    use_cache: true,
    bos_token_id: 0,
    eos_token_id: 0,
    forced_eos_token_id: 0,
    pad_token_id: pad,
    decoder_start_token_id: pad,
    bad_words_ids: [[pad]],
    num_beams: 4,
    max_length: 512,
  };
  const generationConfig = {
    bad_words_ids: [[pad]],
    bos_token_id: 0,
    decoder_start_token_id: pad,
    eos_token_id: 0,
    forced_eos_token_id: 0,
    max_length: 512,
    num_beams: 4,
    pad_token_id: pad,
  };
  const tokenizerConfig = {
    tokenizer_class: 'MarianTokenizer',
    model_max_length: 512,
    eos_token: '</s>',
    unk_token: '<unk>',
    pad_token: '<pad>',
    separate_vocabs: false,
    // As the Opus-MT conversions have it: Transformers.js then removes the space before
    // `. ? ! ,` on decoding (French `Pourquoi ?` becomes `Pourquoi?`) unless told not to.
    clean_up_tokenization_spaces: true,
  };
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(dir, 'config.json'), json(config));
  await writeFile(join(dir, 'generation_config.json'), json(generationConfig));
  await writeFile(join(dir, 'tokenizer_config.json'), json(tokenizerConfig));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson));
}

/** A stand-in for the base64 trie of a real conversion (only its presence matters). */
const PRECOMPILED_CHARSMAP = Buffer.from('nmt_nfkc').toString('base64');

/**
 * What the `Precompiled` normalizer of a Marian tokenizer does to a text in Transformers.js:
 * control characters removed, every other space (no-break, narrow, ideographic…) made a plain
 * one, NFKC (`CO₂` → `CO2`, `…` → `...`, full-width forms to ASCII).
 *
 * @example
 * marianNormalize('5\u00a0km…'); // '5 km...'
 */
export function marianNormalize(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what the normalizer removes.
  const controls = /[\u0001-\u0008\u000B\u000E-\u001F\u007F\u008F\u009F]/g;
  const spaces =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: tab, newlines: made spaces.
    /[\u0009\u000A\u000C\u000D\u00A0\u1680\u2000-\u200F\u2028\u2029\u202F\u205F\u2581\u3000\uFEFF\uFFFD]/g;
  return text.replace(controls, '').replace(spaces, ' ').normalize('NFKC');
}

/**
 * A `tokenizer.json` as a Marian conversion has it around its own pre-tokenizer and model:
 * `</s>`, `<unk>` and `<pad>` as special tokens, `</s>` appended to every input, and a
 * Metaspace decoder.
 *
 * @example
 * marianTokenizerJson({ eos: 0, unk: 1, pad: 99 }, preTokenizer, { type: 'Unigram', unk_id: 1, vocab: [['</s>', 0], ['<unk>', 0]] });
 */
export function marianTokenizerJson(
  ids: { eos: number; unk: number; pad: number },
  preTokenizer: object,
  model: object,
): object {
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(ids.eos, '</s>'), special(ids.unk, '<unk>'), special(ids.pad, '<pad>')],
    // SentencePiece's compiled NFKC map, as in every Marian conversion; Transformers.js does
    // not read the map but applies what it encodes (see `marianNormalize`).
    normalizer: { type: 'Precompiled', precompiled_charsmap: PRECOMPILED_CHARSMAP },
    pre_tokenizer: preTokenizer,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [
        { Sequence: { id: 'A', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: { '</s>': { id: '</s>', ids: [ids.eos], tokens: ['</s>'] } },
    },
    decoder: { type: 'Metaspace', replacement: META, prepend_scheme: 'always', split: true },
    model,
  };
}
