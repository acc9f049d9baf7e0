import {
  type ArticleContent,
  type LanguageCode,
  languageName,
  provenanceOf,
  type SiteSettings,
} from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { type Article, slugify } from '@tidings/store';
import { html, raw } from 'hono/html';
import { articleStructuredData } from './article-structured-data.ts';
import { formatDate } from './format-date.ts';
import type { PageBodies } from './page-bodies.ts';
import { pageLayout } from './page-layout.ts';
import type { SiteUrls } from './site-urls.ts';
import { versionNotice } from './version-notice.ts';
import { versionSlug } from './version-slug.ts';

/** What the article page shows in one language. */
export interface ArticlePageInput {
  readonly article: Article;
  readonly language: LanguageCode;
  /** The language's live content; `null` shows the source text under a notice. */
  readonly content: ArticleContent | null;
  readonly urls: SiteUrls;
  readonly site: SiteSettings;
  /** Where the sanitized body of each article's content is kept between views. */
  readonly bodies: PageBodies;
}

/**
 * An article in one language, under the notice of where this version comes from (machine,
 * reviewed, edited, stale) with a link to the original. A language with no live version
 * shows the source text, marked with its own `lang`, under a notice that says whether a
 * translation is on its way or not coming (failed, held for review), rather than a 404.
 * The body is sanitized HTML (again, here: a page never trusts the store's writers; once per
 * content, kept in `bodies`); the title and the rest are escaped.
 *
 * @example
 * c.html(await articlePage({ article, language: 'es', content: translation.content, urls, site, bodies }));
 */
export async function articlePage(input: ArticlePageInput) {
  const { article, language, urls } = input;
  const t = translatorFor(language);
  const shown = input.content ?? article.content;
  const state = article.languages.find((s) => s.language === language);
  const provenance = provenanceOf({
    language,
    sourceLanguage: article.sourceLanguage,
    status: state?.status ?? 'queued',
    model: state?.model ?? null,
    live: input.content !== null,
    reviewed: (state?.approvedAt ?? null) !== null,
  });
  const textLanguage = provenance.language;
  // A language not served (LANGUAGES) keeps its stored version, unlinked.
  const live = article.languages.filter(
    (s) => s.publishedAt !== null && urls.languages.includes(s.language),
  );
  const others = live.filter((s) => s.language !== language);
  const published = state?.publishedAt ?? article.createdAt;
  const updated = state?.updatedAt ?? article.updatedAt;
  const { html: body, description } = await input.bodies.of(textLanguage, article.id, shown);
  const content = html`<article lang="${textLanguage}">
${versionNotice({ language, provenance, originalUrl: urls.article(article.sourceLanguage, versionSlug(article, article.sourceLanguage)) })}
<h1>${shown.title}</h1>
<p class="meta" lang="${language}"><time datetime="${published.toISOString()}">${t('site:page.published', { date: formatDate(language, published) })}</time>${
    updated.getTime() - published.getTime() > 60_000
      ? html` · <time datetime="${updated.toISOString()}">${t('site:page.updated', { date: formatDate(language, updated) })}</time>`
      : ''
  }</p>
${shown.summary ? html`<p class="summary">${shown.summary}</p>` : ''}
${shown.image ? html`<figure><img src="${shown.image.url}" alt="${shown.image.alt}"></figure>` : ''}
${raw(body)}
${
  shown.categories.length > 0
    ? html`<ul class="tags" aria-label="${t('site:page.categories')}">${shown.categories.map((c) => html`<li><a href="${urls.feed(textLanguage, 'rss', { categorySlug: slugify(c) })}" type="application/rss+xml" title="${t('site:page.categoryFeed', { category: c })}">${c}</a></li>`)}</ul>`
    : ''
}
</article>
${
  others.length > 0
    ? html`<aside lang="${language}"><p>${t('site:page.otherLanguages', { count: others.length })}
${others.map(
  (s, i) =>
    html`${i > 0 ? ', ' : ''}<a href="${urls.article(s.language, versionSlug(article, s.language))}" hreflang="${s.language}">${languageName(s.language, language, { standalone: true })}</a>`,
)}</p></aside>`
    : ''
}`;
  // A language showing the original defers to the original's page.
  const canonical = urls.article(textLanguage, versionSlug(article, textLanguage));
  const versions = live.map((s) => ({
    language: s.language,
    url: urls.article(s.language, versionSlug(article, s.language)),
  }));
  return pageLayout({
    language,
    title: shown.title,
    description,
    urls,
    site: input.site,
    switcher: (l) => urls.article(l, versionSlug(article, l)),
    alternates: versions,
    xDefault: urls.languages.includes(article.sourceLanguage)
      ? urls.article(article.sourceLanguage, versionSlug(article, article.sourceLanguage))
      : undefined,
    canonical,
    feeds: shown.categories.map((c) => ({
      title: t('site:page.categoryFeed', { category: c }),
      url: urls.feed(textLanguage, 'rss', { categorySlug: slugify(c) }),
    })),
    meta: {
      type: 'article',
      url: canonical,
      title: shown.title,
      description,
      siteName: input.site.name[language],
      language: textLanguage,
      alternateLanguages: versions.map((v) => v.language).filter((l) => l !== textLanguage),
      image: shown.image,
      publishedTime: published,
      modifiedTime: updated,
      section: shown.categories[0],
      structuredData: articleStructuredData({
        language: textLanguage,
        sourceLanguage: article.sourceLanguage,
        url: canonical,
        headline: shown.title,
        description,
        image: shown.image?.url,
        published,
        modified: updated,
        sections: shown.categories,
        versions,
        site: input.site,
        homeUrl: urls.home(language),
        logoUrl: input.site.logoUrl,
      }),
    },
    content,
  });
}
