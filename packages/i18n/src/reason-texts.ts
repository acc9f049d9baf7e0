import type {
  FailureReasonData,
  MarkupElement,
  RetrySkipData,
  ReviewReasonData,
} from '@tidings/core';
import type { TFunction } from 'i18next';

// Why a language version is as it is, as a sentence in a reader's language: why its translation
// failed, why it must be reviewed, why a retry of it was skipped. Each mirrors its schema in
// core's reason-schemas.ts and picks its sentence by code from `locales/{lang}/review.json`.

/**
 * Why a language failed, as a sentence in `t`'s language, from `locales/{lang}/review.json`
 * (`failed.{code}`, a refused input's `failed.input.{input}`) by its code, with its fields filled in.
 *
 * @example
 * failureReasonText(translatorFor('de'), { code: 'translation-error', message: 'boom' });
 * // 'Die Übersetzung ist fehlgeschlagen: boom'
 */
export function failureReasonText(t: TFunction, failure: FailureReasonData): string {
  // A refusal says which input and why (an older worker's result carries only its message).
  if (failure.code === 'input-refused' && failure.fields)
    return t(`review:failed.input.${failure.input}`, { ...failure.fields });
  return t(`review:failed.${failure.code}`, { ...failure });
}

/**
 * One review reason as a sentence in `t`'s language, from `locales/{lang}/review.json` by its
 * code, with its fields filled in (runs and repairs listed, each repair said in that language).
 * A placeholder's reason that names its element says it as an editor knows it (`named.{code}`,
 * `element.*`: the link around its words); one kept or sent before elements were named reads
 * as it always did, by the placeholder's number.
 *
 * @example
 * reviewReasonText(translatorFor('de'), { code: 'number-missing', number: '5', segment: 'On 5 May.' });
 * // 'Die Zahl 5 ging verloren in „On 5 May.“'
 */
export function reviewReasonText(t: TFunction, reason: ReviewReasonData): string {
  if ('element' in reason && reason.element)
    return t(`review:named.${reason.code}`, { ...reason, element: elementText(t, reason) });
  if (reason.code === 'markup-repaired' && reason.repairs.some((r) => r.element))
    return t('review:named.markup-repaired', {
      ...reason,
      repairs: repairsText(t, reason.repairs),
    });
  return t(`review:${reason.code}`, {
    ...reason,
    runs: 'runs' in reason ? reason.runs.join(', ') : undefined,
    repairs:
      'repairs' in reason
        ? reason.repairs.map((r) => `${r.placeholder} ${t(`review:repair-${r.how}`)}`).join(', ')
        : undefined,
  });
}

type Named = { readonly element?: MarkupElement | undefined; readonly wraps?: string | undefined };
type Repair = Extract<ReviewReasonData, { code: 'markup-repaired' }>['repairs'][number];

/** An element as `t`'s language names it: the link around “its words”, or a link. */
function elementText(t: TFunction, { element = 'other', wraps }: Named): string {
  return wraps ? t(`review:element.${element}`, { wraps }) : t(`review:element.${element}-bare`);
}

// A pair's two tags are one element to an editor: said once, by what was done to it most.
const HOW_ORDER: readonly Repair['how'][] = ['restored', 'moved', 'deduplicated', 'renumbered'];

/** Repairs told element by element (`named.repair-{how}`), as a list in `t`'s language. */
function repairsText(t: TFunction, repairs: readonly Repair[]): string {
  const bySlot = new Map<string, Repair>();
  for (const r of repairs) {
    const slot = /\d+/.exec(r.placeholder)?.[0] ?? r.placeholder;
    const seen = bySlot.get(slot);
    if (!seen || HOW_ORDER.indexOf(r.how) < HOW_ORDER.indexOf(seen.how)) bySlot.set(slot, r);
  }
  // A fixed translator knows its language (i18next's getFixedT sets it).
  const lng = (t as TFunction & { lng?: string }).lng ?? 'en';
  return new Intl.ListFormat(lng, { type: 'conjunction' }).format(
    [...bySlot.values()].map((r) =>
      t(`review:named.repair-${r.how}`, { element: elementText(t, r) }),
    ),
  );
}

/**
 * Why a retry of a language was skipped, as a sentence in `t`'s language, from
 * `locales/{lang}/review.json` (`skipped.{code}`) by its code, with its fields filled in (a list
 * of statuses told as `a, b and c` in that language). It starts in lower case, as the store's
 * English `reason` does (`tidings retry` prints it after `de: not retried:`).
 *
 * @example
 * retrySkipText(translatorFor('de'), { code: 'retry-editor-owned', language: 'de', status: 'edited' });
 * // 'die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie'
 */
export function retrySkipText(t: TFunction, skip: RetrySkipData): string {
  if (skip.code !== 'retry-not-retryable') return t(`review:skipped.${skip.code}`, { ...skip });
  // A fixed translator knows its language (i18next's getFixedT sets it).
  const lng = (t as TFunction & { lng?: string }).lng ?? 'en';
  const and = new Intl.ListFormat(lng, { type: 'conjunction' });
  return t(`review:skipped.${skip.code}`, { ...skip, retryable: and.format(skip.retryable) });
}
