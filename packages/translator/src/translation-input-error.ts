/**
 * An article or request the translator refuses: an unknown language code, a target equal to the
 * source, an article above the size limit. Bad input: the API answers it with a 4xx and a worker
 * fails the job without retrying.
 *
 * @example
 * throw new TranslationInputError('unsupported_language', 'Unsupported language code "ru"', { language: 'ru' });
 */
export class TranslationInputError extends Error {
  override readonly name = 'TranslationInputError';
  /** The same input fails the same way. */
  readonly unrecoverable = true;
  /** Stable code (`no_route`: the model map has no route between the two languages). */
  readonly code: 'unsupported_language' | 'no_route' | 'same_language' | 'too_large';
  /** What the code's sentence names: `language`, `from` and `to`, or `size` and `limit`. */
  readonly fields: Readonly<Record<string, string | number>>;

  constructor(
    code: TranslationInputError['code'],
    message: string,
    fields: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}
