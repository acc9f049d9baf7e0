/**
 * An article or request the translator refuses: an unknown language code, a target equal to the
 * source, an article above the size limit. Bad input: the API answers it with a 4xx and a worker
 * fails the job without retrying.
 *
 * @example
 * throw new TranslationInputError('unsupported_language', 'Unsupported language code "ru"');
 */
export class TranslationInputError extends Error {
  override readonly name = 'TranslationInputError';
  /** The same input fails the same way. */
  readonly unrecoverable = true;
  /** Stable code for the API's problem type. */
  readonly code: 'unsupported_language' | 'same_language' | 'too_large';

  constructor(code: TranslationInputError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
