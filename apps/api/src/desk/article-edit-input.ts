import { type LanguageCode, type TranslationEditInput, translationEditSchema } from '@tidings/core';
import { parseIn } from '../field-problem.ts';
import { nulCharacterProblem } from '../middleware/json-body.ts';
import { ProblemError } from '../problem.ts';

const BLOCK_FIELD = /^block-(\d{1,4})$/;
const TEXT_FIELDS = new Set(['title', 'summary', 'imageAlt', 'categories']);

/** What an editor typed into the correction form, by field name, as the form is shown again. */
export type TypedCorrection = Readonly<Record<string, string>>;

/**
 * The correction form's fields as the editor typed them, to show them again when the correction
 * is refused, so that nothing typed is lost: title, summary, the image's description, the
 * categories' JSON and each `block-N`, with every NUL (U+0000) taken out, as its error says (a
 * browser would show one as U+FFFD and send that back).
 *
 * @example
 * typedCorrection({ _csrf: 'x', title: 'Hafen', 'block-0': '<p>Der Hafen</p>' }); // { title: 'Hafen', 'block-0': '<p>Der Hafen</p>' }
 */
export function typedCorrection(form: Record<string, unknown>): TypedCorrection {
  return Object.fromEntries(
    Object.entries(form).flatMap(([name, value]) =>
      typeof value === 'string' && (TEXT_FIELDS.has(name) || BLOCK_FIELD.test(name))
        ? [[name, value.replaceAll('\u0000', '')]]
        : [],
    ),
  );
}

/**
 * An editor's correction as the desk's form posts it (title, summary, the image's description,
 * one field per block of the body, the categories as JSON) turned into the API's edit: the
 * blocks in order, empty ones dropped, loose text made a paragraph. Validated with the API's
 * own schema, each refused field told in the editor's `language`; cleaning (the allow-list) is
 * the shared write path's job.
 *
 * @example
 * editFromForm({ title: 'T', 'block-0': '<p>A</p>', categories: '[]' }, 'de');
 */
export function editFromForm(
  form: Record<string, unknown>,
  language: LanguageCode,
): TranslationEditInput {
  const text = (name: string) =>
    typeof form[name] === 'string' ? (form[name] as string) : undefined;
  // Refused as the API's JSON body refuses it (no store holds U+0000), not cleaned away unseen.
  const withNul = Object.keys(form).filter((name) => text(name)?.includes('\u0000'));
  if (withNul.length > 0) throw nulCharacterProblem(withNul, language);
  const blocks = Object.keys(form)
    .flatMap((name) => {
      const match = BLOCK_FIELD.exec(name);
      return match ? [[Number(match[1]), text(name)?.trim() ?? ''] as const] : [];
    })
    .sort(([a], [b]) => a - b)
    .map(([, block]) => block)
    .filter(Boolean)
    .map((block) => (block.startsWith('<') ? block : `<p>${block}</p>`));
  let categories: unknown = [];
  try {
    categories = JSON.parse(text('categories') ?? '[]');
  } catch {
    categories = undefined;
  }
  // The JSON text holds a NUL as the escape `\u0000`, which the check above cannot see.
  if (Array.isArray(categories) && categories.some((c) => String(c).includes('\u0000'))) {
    throw nulCharacterProblem(['categories'], language);
  }
  const parsed = parseIn(
    translationEditSchema,
    {
      title: text('title') ?? '',
      summary: text('summary') ?? '',
      body: blocks.join('\n'),
      categories,
      ...(text('imageAlt') === undefined ? {} : { imageAlt: text('imageAlt') }),
    },
    language,
  );
  if (!parsed.success) {
    const errors = parsed.errors.map((e) => ({ ...e, field: e.field || 'body' }));
    throw new ProblemError('validation', { key: 'correction-invalid' }, { errors });
  }
  return parsed.data;
}
