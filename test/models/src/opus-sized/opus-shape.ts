/** Opus-MT's dimensions (Helsinki-NLP/opus-mt-en-es). */
export const OPUS_SHAPE = {
  vocabSize: 58101,
  dModel: 512,
  layers: 6,
  heads: 8,
  headDim: 64,
  ffn: 2048,
  maxPositions: 512,
} as const;

/** How the weights of a generated graph are stored. */
export type Precision = 'fp32' | 'int8';

/** The files of the Opus-MT-sized model: its graphs' precisions, and their float16 variant. */
export type OpusVariant = Precision | 'fp16';
