import type { LanguageCode, SiteSettings } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { html } from 'hono/html';
import { pageLayout } from './page-layout.ts';
import type { SiteUrls } from './site-urls.ts';

/**
 * A localized page that only says something went missing: `notFound` for an unknown
 * article, `gone` for a retracted one.
 *
 * @example
 * c.html(messagePage('uk', 'notFound', urls, site), 404);
 */
export function messagePage(
  language: LanguageCode,
  kind: 'notFound' | 'gone',
  urls: SiteUrls,
  site: SiteSettings,
) {
  const t = translatorFor(language);
  const title = t(`site:page.${kind}Title`);
  return pageLayout({
    language,
    title,
    urls,
    site,
    switcher: (l) => urls.home(l),
    alternates: [],
    content: html`<h1>${title}</h1>
<p>${t(`site:page.${kind}Text`)}</p>
<p><a href="${urls.home(language)}">${t('site:page.backToLatest')}</a></p>`,
  });
}
