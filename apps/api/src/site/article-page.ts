import {
  type ArticleContent,
  type LanguageCode,
  languageOf,
  sanitizeArticleHtml,
} from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { Article } from '@tidings/store';
import { html, raw } from 'hono/html';
import { formatDate } from './format-date.ts';
import { pageLayout } from './page-layout.ts';
import type { SiteUrls } from './site-urls.ts';

/** What the article page shows in one language. */
export interface ArticlePageInput {
  readonly article: Article;
  readonly language: LanguageCode;
  /** The language's live content; `null` shows the source text under a notice. */
  readonly content: ArticleContent | null;
  readonly urls: SiteUrls;
}

/**
 * An article in one language. A language not yet live shows the source text, marked with
 * its own `lang`, under a localized notice, rather than a 404. The body is sanitized HTML
 * (again, here: a page never trusts the store's writers); the title and the rest are escaped.
 *
 * @example
 * c.html(articlePage({ article, language: 'es', content: translation.content, urls }));
 */
export function articlePage(input: ArticlePageInput) {
  const { article, language, urls } = input;
  const t = translatorFor(language);
  const shown = input.content ?? article.content;
  const textLanguage = input.content ? language : article.sourceLanguage;
  const state = article.languages.find((s) => s.language === language);
  const live = article.languages.filter((s) => s.publishedAt !== null);
  const others = live.filter((s) => s.language !== language);
  const published = state?.publishedAt ?? article.createdAt;
  const updated = state?.updatedAt ?? article.updatedAt;
  const content = html`<article lang="${textLanguage}">
${
  input.content
    ? ''
    : html`<p class="notice" lang="${language}">${t('common:article.notYetTranslated', {
        language: languageOf(language).nativeName,
        source: languageOf(article.sourceLanguage).nativeName,
      })}</p>`
}
<h1>${shown.title}</h1>
<p class="meta" lang="${language}"><time datetime="${published.toISOString()}">${t('site:page.published', { date: formatDate(language, published) })}</time>${
    updated.getTime() - published.getTime() > 60_000
      ? html` · <time datetime="${updated.toISOString()}">${t('site:page.updated', { date: formatDate(language, updated) })}</time>`
      : ''
  }${language === article.sourceLanguage ? '' : html` · ${t('site:page.original', { language: languageOf(article.sourceLanguage).nativeName })}`}</p>
${shown.summary ? html`<p class="summary">${shown.summary}</p>` : ''}
${shown.image ? html`<figure><img src="${shown.image.url}" alt="${shown.image.alt}"></figure>` : ''}
${raw(sanitizeArticleHtml(shown.body))}
${
  shown.categories.length > 0
    ? html`<ul class="tags" aria-label="${t('site:page.categories')}">${shown.categories.map((c) => html`<li>${c}</li>`)}</ul>`
    : ''
}
</article>
${
  others.length > 0
    ? html`<aside lang="${language}"><p>${t('site:page.otherLanguages', { count: others.length })}
${others.map(
  (s, i) =>
    html`${i > 0 ? ', ' : ''}<a href="${urls.article(s.language, article.slug)}" hreflang="${s.language}" lang="${s.language}">${languageOf(s.language).nativeName}</a>`,
)}</p></aside>`
    : ''
}`;
  return pageLayout({
    language,
    title: `${shown.title} — ${t('common:siteName')}`,
    urls,
    switcher: (l) => urls.article(l, article.slug),
    alternates: live.map((s) => ({
      language: s.language,
      url: urls.article(s.language, article.slug),
    })),
    xDefault: urls.article(article.sourceLanguage, article.slug),
    canonical: urls.article(language, article.slug),
    content,
  });
}
