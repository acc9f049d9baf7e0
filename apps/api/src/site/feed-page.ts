import type { LanguageCode, SiteSettings } from '@tidings/core';
import { feedLabels } from '@tidings/feed';
import { translatorFor } from '@tidings/i18n';
import type { ListedPage } from '@tidings/store';
import { html } from 'hono/html';
import { formatDate } from './format-date.ts';
import { pageLayout } from './page-layout.ts';
import type { SiteUrls } from './site-urls.ts';

/** What {@link feedPage} shows: one feed's first page, and where the feed is. */
export interface FeedPageInput {
  readonly language: LanguageCode;
  readonly listing: ListedPage;
  /** The feed's own address, the one to copy into a feed reader. */
  readonly feedUrl: string;
  /** The category's name in `language`, for a category's feed. */
  readonly category?: string | undefined;
  readonly urls: SiteUrls;
  readonly site: SiteSettings;
}

/**
 * A feed as a page, for a reader who opened its address in a browser: what a feed is, the
 * address to copy into a feed reader, and the latest entries linking to their pages. The same
 * page the feed's XSLT stylesheet makes, rendered here because browsers are dropping XSLT
 * (Chromium warns that it will), and under the site's CSP: text only, no script.
 *
 * @example
 * c.html(feedPage({ language: 'uk', listing, feedUrl: urls.feed('uk', 'rss'), urls, site }));
 */
export function feedPage(input: FeedPageInput) {
  const { language, listing, urls, site } = input;
  const t = translatorFor(language);
  const labels = feedLabels(language, site, input.category);
  const content = html`<div class="notice feed-hint" role="note">
<p><strong>${t('site:feed.browserTitle')}.</strong> ${t('site:feed.browserHint')}</p>
<p><code>${input.feedUrl}</code></p>
</div>
<h1>${labels.title}</h1>
<p class="summary">${labels.description}</p>
<p><a href="${urls.home(language)}">${t('site:feed.browserSite')}</a></p>
<ol class="articles">
${listing.items.map(
  (item) => html`<li>
<h2><a href="${urls.article(language, item.slug)}">${item.content.title}</a></h2>
<p class="meta"><time datetime="${item.publishedAt.toISOString()}">${formatDate(language, item.publishedAt)}</time></p>
${item.content.summary ? html`<p class="summary">${item.content.summary}</p>` : ''}
</li>`,
)}
</ol>`;
  return pageLayout({
    language,
    title: labels.title,
    description: labels.description,
    urls,
    site,
    switcher: (l) => urls.home(l),
    // A feed has no page of its own in other languages (a category's name differs in each).
    alternates: [],
    content,
  });
}
