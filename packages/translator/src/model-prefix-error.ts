/**
 * A model map gives a multi-target model a target-language prefix (`>>fr<<`) that is not a
 * token of the model's vocabulary: the model would read it as text and translate into
 * whatever language it likes. Retrying cannot help; the model map must change.
 *
 * @example
 * throw new ModelPrefixError('Helsinki-NLP/opus-mt-en-ROMANCE', '>>fr<<', ['>>fra<<', '>>spa<<']);
 */
export class ModelPrefixError extends Error {
  override readonly name = 'ModelPrefixError';
  /** Retrying the same job fails the same way. */
  readonly unrecoverable = true;
  readonly model: string;
  readonly prefix: string;

  constructor(model: string, prefix: string, known: readonly string[]) {
    super(
      `Model ${model} has no token ${prefix} in its vocabulary, so it cannot be told the target ` +
        `language: correct the prefix in MODEL_MAP${
          known.length > 0 ? ` (its language tokens: ${known.slice(0, 12).join(' ')})` : ''
        }.`,
    );
    this.model = model;
    this.prefix = prefix;
  }
}

/** The target-language tokens (`>>fra<<`) among a vocabulary's tokens. */
export function languageTokens(tokens: Iterable<string>): string[] {
  return [...tokens].filter((t) => /^>>[A-Za-z_]{2,12}<<$/.test(t)).sort();
}

/**
 * The tokens of a `tokenizer.json` object, whatever its model (WordLevel and BPE keep a
 * `vocab` object, Unigram an array of `[piece, score]`), added tokens included.
 *
 * @example
 * vocabularyOf(JSON.parse(readFileSync('tokenizer.json', 'utf8'))).has('>>fr<<');
 */
export function vocabularyOf(tokenizerJson: unknown): Set<string> {
  const json = tokenizerJson as {
    model?: { vocab?: Record<string, number> | [string, number][] };
    added_tokens?: { content?: string }[];
  };
  const vocab = json.model?.vocab;
  const tokens = new Set<string>(
    Array.isArray(vocab) ? vocab.map((entry) => entry[0]) : Object.keys(vocab ?? {}),
  );
  for (const added of json.added_tokens ?? []) if (added.content) tokens.add(added.content);
  return tokens;
}
