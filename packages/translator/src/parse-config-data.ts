import type { z } from 'zod';
import { TranslatorConfigError } from './errors.ts';

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
