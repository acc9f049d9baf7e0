import type { z } from 'zod';

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

/**
 * Validates configuration data against its schema, or throws a {@link TranslatorConfigError}
 * naming the file and every offending path.
 *
 * @example
 * const map = parseConfigData(modelMapSchema, JSON.parse(text), '/etc/tidings/models.json');
 */
export function parseConfigData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new TranslatorConfigError(
    file,
    result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; '),
  );
}
