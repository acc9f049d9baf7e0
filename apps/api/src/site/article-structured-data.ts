import type { LanguageCode, SiteSettings } from '@tidings/core';

/** One language version of an article, for schema.org. */
export interface StructuredVersion {
  readonly language: LanguageCode;
  readonly url: string;
}

/** What {@link articleStructuredData} describes. */
export interface ArticleStructuredDataInput {
  readonly language: LanguageCode;
  readonly sourceLanguage: LanguageCode;
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  readonly image?: string | undefined;
  readonly published: Date;
  readonly modified: Date;
  readonly sections: readonly string[];
  /** Every live version, this one included. */
  readonly versions: readonly StructuredVersion[];
  readonly site: SiteSettings;
  readonly homeUrl: string;
  readonly logoUrl?: string | undefined;
}

const ref = (v: StructuredVersion) => ({
  '@type': 'NewsArticle',
  '@id': v.url,
  url: v.url,
  inLanguage: v.language,
});

/**
 * schema.org `NewsArticle` JSON-LD for one language version: its `inLanguage`, and the other
 * versions linked both ways, so that every version names all the others: the original lists
 * its translations (`workTranslation`), a translation names its original
 * (`translationOfWork`), which in turn lists every translation.
 *
 * @example
 * articleStructuredData({ language: 'uk', sourceLanguage: 'en', url, headline, … }).translationOfWork['@id'];
 */
export function articleStructuredData(input: ArticleStructuredDataInput): object {
  const original = input.versions.find((v) => v.language === input.sourceLanguage);
  const translations = input.versions.filter((v) => v.language !== input.sourceLanguage);
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: input.site.name[input.language],
    url: input.homeUrl,
    ...(input.logoUrl ? { logo: { '@type': 'ImageObject', url: input.logoUrl } } : {}),
  };
  const isOriginal = input.language === input.sourceLanguage;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': input.url,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: input.language,
    datePublished: input.published.toISOString(),
    dateModified: input.modified.toISOString(),
    ...(input.image ? { image: [input.image] } : {}),
    ...(input.sections.length > 0 ? { articleSection: [...input.sections] } : {}),
    isAccessibleForFree: true,
    publisher,
    ...(isOriginal
      ? translations.length > 0
        ? { workTranslation: translations.map(ref) }
        : {}
      : original
        ? { translationOfWork: { ...ref(original), workTranslation: translations.map(ref) } }
        : {}),
  };
}
