import { join } from 'node:path';
import type { INPUT_REFUSAL_FIELDS, LanguageCode } from '@tidings/core';

// The translator's errors: what it refuses to translate (bad input, a language it cannot
// tell), a model it cannot use, and a configuration file it cannot read at start. Those a job
// can meet are `unrecoverable` (a retry fails the same way); each carries its data as fields,
// and its `message` is English, for logs.

/**
 * An article or request the translator refuses: an unknown language code, a target equal to the
 * source, an article above the size limit. Bad input: the API answers it with a 4xx and a worker
 * fails the job without retrying.
 *
 * @example
 * throw new TranslationInputError('unsupported_language', 'Unsupported language code "ru"', { language: 'ru' });
 */
export class TranslationInputError<C extends InputRefusal = InputRefusal> extends Error {
  override readonly name = 'TranslationInputError';
  /** The same input fails the same way. */
  readonly unrecoverable = true;
  /** Stable code (`no_route`: the model map has no route between the two languages). */
  readonly code: C;
  /**
   * What the code's sentence names, exactly the fields `INPUT_REFUSAL_FIELDS` (core) declares
   * for it: `language`, `from` and `to`, or `size` and `limit`.
   */
  readonly fields: InputRefusalFields<C>;

  constructor(code: C, message: string, fields: InputRefusalFields<C>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

/** A code of a {@link TranslationInputError}: one of `INPUT_REFUSALS` (core). */
export type InputRefusal = keyof typeof INPUT_REFUSAL_FIELDS;

/** The fields a refusal of code `C` gives: exactly those `INPUT_REFUSAL_FIELDS[C]` names. */
export type InputRefusalFields<C extends InputRefusal> = {
  readonly [F in (typeof INPUT_REFUSAL_FIELDS)[C][number]]: string | number;
};

/**
 * The source language could not be told with enough confidence. The API answers it with a
 * 4xx asking the publisher to say which language the article is in, rather than guessing.
 *
 * @example
 * throw new LanguageDetectionError('too_short', undefined, 0);
 */
export class LanguageDetectionError extends Error {
  override readonly name = 'LanguageDetectionError';
  /** Bad input, not a transient fault: retrying the same text gives the same answer. */
  readonly unrecoverable = true;
  /** `too_short`: too little text to judge; `uncertain`: the best guess is below the threshold. */
  readonly code: 'too_short' | 'uncertain';
  /** The best guess, when there was one. */
  readonly guess: LanguageCode | undefined;
  /** Confidence of the best guess, from 0 to 1. */
  readonly confidence: number;

  constructor(
    code: 'too_short' | 'uncertain',
    guess: LanguageCode | undefined,
    confidence: number,
  ) {
    super(
      code === 'too_short'
        ? 'Too little text to detect the language; give the language explicitly.'
        : `Cannot tell the language with confidence (best guess ${guess ?? 'none'} at ${confidence.toFixed(2)}); give the language explicitly.`,
    );
    this.code = code;
    this.guess = guess;
    this.confidence = confidence;
  }
}

/**
 * A translation model that can be neither found in the models directory nor fetched.
 * A retry cannot help: the job should fail for good and tell the operator how to fix it.
 *
 * @example
 * throw new ModelUnavailableError('Xenova/opus-mt-en-es', '/srv/models', 'config.json missing');
 */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  /** Retrying the same job on the same machine fails the same way. */
  readonly unrecoverable = true;
  /** Hub id of the missing model, e.g. `Xenova/opus-mt-en-es`. */
  readonly model: string;
  /** Directory that was searched (MODELS_DIR). */
  readonly modelsDir: string;

  constructor(model: string, modelsDir: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Model ${model} is not available in ${modelsDir} (${reason}); its files belong in ${join(modelsDir, model)}. ` +
        `Fetch it with \`tidings models pull\`, or, on a server without network, install it from a copy of the models with \`tidings models pull --from DIR\` (DIR holding ${model}/).`,
      options,
    );
    this.model = model;
    this.modelsDir = modelsDir;
  }
}

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

/**
 * A model map or glossary file that is missing, not JSON, or not of the expected shape.
 * Raised at start, so the process stops with a message naming the file and the problem.
 *
 * @example
 * throw new TranslatorConfigError('/etc/tidings/glossary.json', 'terms.0.source: required');
 */
export class TranslatorConfigError extends Error {
  override readonly name = 'TranslatorConfigError';
  /** The file (or `<inline>` for an object given in code). */
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`Invalid translator configuration in ${file}: ${problem}`, options);
    this.file = file;
  }
}
