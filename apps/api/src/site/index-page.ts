import { type LanguageCode, languageName, type SiteSettings } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { ListedPage } from '@tidings/store';
import { html } from 'hono/html';
import { formatDate } from './format-date.ts';
import { pageLayout } from './page-layout.ts';
import type { SiteUrls } from './site-urls.ts';

/**
 * A language's front page: the latest articles, newest first, with a link to older ones
 * (the listing's keyset cursor) and, on older pages, back to the latest.
 *
 * @example
 * c.html(indexPage('uk', await store.listPublished('uk', { limit: 20 }), urls, site, undefined));
 */
export function indexPage(
  language: LanguageCode,
  page: ListedPage,
  urls: SiteUrls,
  site: SiteSettings,
  before: string | undefined,
) {
  const t = translatorFor(language);
  const home = urls.home(language);
  const description =
    site.description[language] ??
    t('common:feed.description', { language: languageName(language, language) });
  const content = html`<h1>${t('site:page.latest')}</h1>
${
  page.items.length === 0
    ? html`<p>${t('site:page.empty')}</p>`
    : html`<ol class="articles">
${page.items.map(
  (item) => html`<li>
<h2><a href="${urls.article(language, item.slug)}">${item.content.title}</a></h2>
<p class="meta"><time datetime="${item.publishedAt.toISOString()}">${formatDate(language, item.publishedAt)}</time>${
    item.content.categories.length > 0 ? html` · ${item.content.categories.join(', ')}` : ''
  }</p>
${item.content.summary ? html`<p class="summary">${item.content.summary}</p>` : ''}
</li>`,
)}
</ol>`
}
<nav class="pager">
${page.nextCursor ? html`<a rel="next" href="${home}?before=${encodeURIComponent(page.nextCursor)}">${t('site:page.older')} →</a>` : ''}
${before !== undefined ? html` <a href="${home}">${t('site:page.backToLatest')}</a>` : ''}
</nav>`;
  return pageLayout({
    language,
    title: t('site:page.latest'),
    description,
    urls,
    site,
    switcher: (l) => urls.home(l),
    alternates: urls.languages.map((l) => ({ language: l, url: urls.home(l) })),
    xDefault: `${urls.base}/`,
    canonical: before === undefined ? home : undefined,
    meta: {
      type: 'website',
      url: home,
      title: site.name[language],
      description,
      siteName: site.name[language],
      language,
      alternateLanguages: urls.languages.filter((l) => l !== language),
      image: site.logoUrl ? { url: site.logoUrl, alt: site.name[language] } : undefined,
      structuredData: {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: site.name[language],
        url: home,
        inLanguage: language,
        description,
      },
    },
    content,
  });
}
