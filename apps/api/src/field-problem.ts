import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { z } from 'zod';
import {
  type FIELD_PROBLEM_FIELDS,
  FIELD_PROBLEMS,
  type FieldProblem,
  type FieldProblemCode,
} from './problem.ts';

const isFieldCode = (message: string): message is FieldProblemCode =>
  (FIELD_PROBLEMS as readonly string[]).includes(message);

/** zod's own messages in each language Tidings has (`uk` is zod's Ukrainian). */
const ZOD_LOCALES = {
  en: z.locales.en,
  es: z.locales.es,
  de: z.locales.de,
  fr: z.locales.fr,
  it: z.locales.it,
  uk: z.locales.uk,
} as const satisfies Record<LanguageCode, () => { localeError: z.core.$ZodErrorMap }>;

const zodErrorMaps = new Map<LanguageCode, z.core.$ZodErrorMap>();

/** zod's error map for one language, made once. */
function zodErrorMap(language: LanguageCode): z.core.$ZodErrorMap {
  let map = zodErrorMaps.get(language);
  if (!map) {
    map = ZOD_LOCALES[language]().localeError;
    zodErrorMaps.set(language, map);
  }
  return map;
}

/**
 * One field's reason, by code, in one language, its fields filled in.
 *
 * @example
 * fieldText('too-deep', 'de', { max: 32 }); // 'tiefer als 32 Ebenen'
 */
export function fieldText(
  code: FieldProblemCode,
  language: LanguageCode,
  fields: Readonly<Record<string, string | number>> = {},
): string {
  return translatorFor(language)(`errors:field.${code}`, fields);
}

/**
 * A field refused for a reason by code, told in the reader's language when answered.
 *
 * @example
 * throw new ProblemError('validation', { key: 'include-invalid' }, { errors: [fieldProblem('include', 'include-published')] });
 */
export function fieldProblem<C extends FieldProblemCode>(
  field: string,
  code: C,
  ...[fields]: (typeof FIELD_PROBLEM_FIELDS)[C] extends readonly []
    ? []
    : [fields: { readonly [F in (typeof FIELD_PROBLEM_FIELDS)[C][number]]: string | number }]
): FieldProblem {
  return { field, message: { code, fields } };
}

/**
 * Field problems as the answer shows them: each reason told in `language`.
 *
 * @example
 * fieldProblemsIn([fieldProblem('title', 'duplicate-key')], 'de'); // [{ field: 'title', message: 'doppelter Schlüssel' }]
 */
export function fieldProblemsIn(
  errors: readonly FieldProblem[],
  language: LanguageCode,
): { field: string; message: string }[] {
  return errors.map(({ field, message }) => ({
    field,
    message:
      typeof message === 'string' ? message : fieldText(message.code, language, message.fields),
  }));
}

/**
 * Validates `raw` against `schema`, telling each failure in `language`: a rule the schema names
 * by code (its message is a {@link FIELD_PROBLEMS} code) from `locales/{lang}/errors.json`,
 * anything else in zod's own words for the language, chosen per parse (one process answers
 * in six languages).
 *
 * @example
 * const parsed = parseIn(articleSubmissionSchema, body, 'de');
 * if (!parsed.success) parsed.errors; // [{ field: 'title', message: 'ein Titel ist nötig' }]
 */
export function parseIn<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  language: LanguageCode,
):
  | { success: true; data: z.output<S> }
  | { success: false; errors: { field: string; message: string }[] } {
  const parsed = schema.safeParse(raw, { error: zodErrorMap(language) });
  if (parsed.success) return { success: true, data: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''),
    message: isFieldCode(issue.message)
      ? fieldText(issue.message, language, {
          languages: LANGUAGE_CODES.join(', '),
          ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
          ...('minimum' in issue ? { minimum: Number(issue.minimum) } : {}),
        })
      : issue.message,
  }));
  return { success: false, errors };
}
