import {
  failureReasonSchema,
  INPUT_REFUSAL_FIELDS,
  INPUT_REFUSALS,
  LANGUAGE_CODES,
  MARKUP_ELEMENTS,
  retrySkipSchema,
  reviewReasonSchema,
} from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { loadResources, type Messages, placeholdersOf } from './resources.ts';

// A text may only name what its code's data gives: a misspelt `{{lnag}}` would be shown to a
// reader as it is. The fields come from the schemas the data is parsed with, never from the
// locale files.

/** Each code of a discriminated union of zod objects, with the fields its data carries. */
function fieldsByCode(schema: {
  options: readonly { unwrap(): { shape: Record<string, unknown> } }[];
}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const option of schema.options) {
    const { code, ...fields } = option.unwrap().shape as {
      code: { options?: readonly string[]; values?: Set<string> };
    } & Record<string, unknown>;
    // A literal code (`values`) or several codes sharing their fields (an enum's `options`).
    for (const value of code.options ?? code.values ?? []) out.set(value, Object.keys(fields));
  }
  return out;
}

function text(messages: Messages | undefined, path: string): string | undefined {
  let at: string | Messages | undefined = messages;
  for (const part of path.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
}

/** The placeholders of `message` that are none of `fields`. */
const unknownPlaceholders = (message: string, fields: readonly string[]) =>
  placeholdersOf(message).filter((name) => !fields.includes(name));

const resources = loadResources();
const REPAIR_HOWS = ['restored', 'moved', 'renumbered', 'deduplicated'];

/** Every text by its path in review.json, with the fields its code gives. */
const REVIEW_TEXTS: [string, readonly string[]][] = [
  ...[...fieldsByCode(reviewReasonSchema)].map(([c, f]): [string, string[]] => [c, f]),
  ...[...fieldsByCode(failureReasonSchema)].map(([c, f]): [string, string[]] => [`failed.${c}`, f]),
  ...INPUT_REFUSALS.map((i): [string, readonly string[]] => [
    `failed.input.${i}`,
    INPUT_REFUSAL_FIELDS[i],
  ]),
  ...[...fieldsByCode(retrySkipSchema)].map(([c, f]): [string, string[]] => [`skipped.${c}`, f]),
  // A reason that names its element: the element said as a phrase, each repair as a clause.
  ...['placeholder-missing', 'placeholder-repeated', 'placeholder-out-of-order'].map(
    (c): [string, string[]] => [`named.${c}`, ['element', 'segment']],
  ),
  ['named.markup-repaired', ['repairs', 'segment']],
  ...REPAIR_HOWS.map((how): [string, string[]] => [`named.repair-${how}`, ['element']]),
  ...MARKUP_ELEMENTS.flatMap((e): [string, string[]][] => [
    [`element.${e}`, ['wraps']],
    [`element.${e}-bare`, []],
  ]),
];

describe('placeholders match fields', () => {
  it('finds a misspelt placeholder, and a formatted one by its name', () => {
    expect(unknownPlaceholders('the {{lnag}} version is {{status}}', ['lang', 'status'])).toEqual([
      'lnag',
    ]);
    expect(unknownPlaceholders('Nichts: {{reason, capitalize}}.', ['reason'])).toEqual([]);
    expect(unknownPlaceholders('Nichts: {{reasn, capitalize}}.', ['reason'])).toEqual(['reasn']);
  });

  for (const lang of LANGUAGE_CODES) {
    it(`${lang}: every review, failure and retry-skip text names only its code's fields`, () => {
      for (const [path, fields] of REVIEW_TEXTS) {
        const message = text(resources[lang].review, path);
        expect(message, `${lang} review ${path}`).toBeDefined();
        expect(unknownPlaceholders(message ?? '', fields), `${lang} review ${path}`).toEqual([]);
      }
    });
  }
});
