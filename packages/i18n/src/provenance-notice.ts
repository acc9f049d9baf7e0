import { type LanguageCode, languageName, type VersionProvenance } from '@tidings/core';
import { translatorFor } from './create-i18n.ts';

/** What a reader is told about a version's provenance, in the reader's language. */
export interface ProvenanceNotice {
  /** One or two plain-text sentences: how the text was made, and the original's language. */
  readonly text: string;
  /** The label of a link to the original, when the original is not what is shown. */
  readonly originalLink: string | undefined;
  /** The demo-translation warning: a demo model made the version, or the site says it is a demo. */
  readonly demo: string | undefined;
}

/**
 * The provenance notice of one version, in plain text for pages and feeds alike; `undefined`
 * for an original outside demonstration mode, which needs none. Language names are the
 * reader's words for them (`Intl.DisplayNames`), after a colon so that no language's grammar
 * asks them to change case.
 *
 * @example
 * provenanceNotice({ kind: 'machine', language: 'uk', sourceLanguage: 'en', model: 'opus-mt-en-uk' }, 'uk')?.text;
 * // 'Машинний переклад (opus-mt-en-uk); редактор його ще не перевіряв. Мова оригіналу: англійська.'
 */
export function provenanceNotice(
  provenance: VersionProvenance,
  reader: LanguageCode,
  options: { demo?: boolean } = {},
): ProvenanceNotice | undefined {
  const t = translatorFor(reader);
  const demo = options.demo || provenance.demo ? t('common:provenance.demo') : undefined;
  if (provenance.kind === 'original') {
    return demo === undefined ? undefined : { text: '', originalLink: undefined, demo };
  }
  const how = t(`common:provenance.${provenance.kind}`, { model: provenance.model ?? '?' });
  const source = t('common:provenance.source', {
    source: languageName(provenance.sourceLanguage, reader),
  });
  const showsOriginal = provenance.kind === 'pending' || provenance.kind === 'unavailable';
  return {
    text: `${how} ${source}`,
    originalLink: showsOriginal ? undefined : t('common:provenance.originalLink'),
    demo,
  };
}
