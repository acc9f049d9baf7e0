import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
    clean_up_tokenization_spaces: false,
  };
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(dir, 'config.json'), json(config));
  await writeFile(join(dir, 'generation_config.json'), json(generationConfig));
  await writeFile(join(dir, 'tokenizer_config.json'), json(tokenizerConfig));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson));
}
