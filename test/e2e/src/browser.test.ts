import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
// The API's test harness (`@tidings/api/testing`) builds the real app over a real store.
import {
  chromiumAvailable,
  launchChromium,
  type SiteHarness,
  seedContent,
  siteHarness,
} from '@tidings/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';

const SPANISH_TITLE = 'Ucrania se une a la alianza de defensa JEF del norte de Europa';
const UKRAINIAN_TITLE = 'Україна приєдналася до оборонного альянсу JEF Північної Європи';

describe.skipIf(!chromiumAvailable('the browser tests of the site'))(
  'the site in a browser',
  () => {
    let h: SiteHarness;
    let server: ServerType;
    let browser: Browser;
    let base: string;
    let slug: string;
    let spanish: string;
    let slugs: Partial<Record<string, string>>;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      h = await siteHarness({ publicUrl: base });
      const english = seedContent('jef-extended-partner.txt', ['Defence']);
      ({ slug, slugs } = await h.publish(
        'uk',
        {
          ...english,
          title: UKRAINIAN_TITLE,
          summary: 'Україна першою поза альянсом отримала статус розширеного партнера JEF.',
          body: '<p>Україна отримала статус розширеного партнера в Об’єднаних експедиційних силах (JEF).</p><p>Про це повідомив міністр оборони Денис Шмигаль.</p>',
          categories: ['Оборона'],
          image: { url: `${base}/assets/none.jpg`, alt: 'Денис Шмигаль' },
        },
        {
          en: {
            title: english.title,
            summary: english.summary,
            body: english.body,
            categories: ['Defence'],
            image: { url: `${base}/assets/none.jpg`, alt: 'Denys Shmyhal' },
          },
          es: {
            title: SPANISH_TITLE,
            summary:
              'Ucrania es el primer país fuera de la alianza con el estatus de socio ampliado.',
            body: '<p>Ucrania ha obtenido el estatus de socio ampliado de la Fuerza Expedicionaria Conjunta (JEF).</p><p>Así lo anunció el ministro de Defensa, Denys Shmyhal.</p>',
            categories: ['Defensa'],
            image: { url: `${base}/assets/none.jpg`, alt: 'Denys Shmyhal' },
          },
        },
      ));
      spanish = slugs.es ?? '';
      await h.publish('uk', {
        ...seedContent('chas-pravdy-jef.txt'),
        title: 'Україна отримала новий статус партнерства',
      });
      server = serve({ fetch: h.app.fetch, port, hostname: '127.0.0.1' });
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await h?.close();
    });

    it('goes from the Ukrainian front page to an article and on to its Spanish version', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('404'))
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));

      await page.goto(`${base}/uk/`);
      expect(await page.getAttribute('html', 'lang')).toBe('uk');
      expect(await page.textContent('h1')).toBe('Останні статті');
      expect((await page.locator('nav.languages a').allTextContents()).join(' ')).toBe(
        'En Es De Fr It Ук',
      );
      await page.screenshot({ path: 'test-results/browser/uk-index.png', fullPage: true });

      await page.getByRole('link', { name: UKRAINIAN_TITLE }).click();
      await page.waitForURL(`${base}/uk/articles/${slug}`);
      expect(await page.textContent('h1')).toBe(UKRAINIAN_TITLE);

      await page.locator('nav.languages a[hreflang="es"]').click();
      await page.waitForURL(`${base}/es/articles/${spanish}`);
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      expect(await page.textContent('h1')).toBe(SPANISH_TITLE);
      const alternates = await page
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links) =>
          links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
        );
      expect(alternates).toEqual([
        ['en', `${base}/en/articles/${slugs.en}`],
        ['es', `${base}/es/articles/${spanish}`],
        ['uk', `${base}/uk/articles/${slug}`],
        ['x-default', `${base}/uk/articles/${slug}`],
      ]);
      const feeds = await page
        .locator('link[rel="alternate"][type]')
        .evaluateAll((links) => links.map((l) => l.getAttribute('type')));
      // The language's three feeds, then the feed of the article's category.
      expect(feeds).toEqual([
        'application/rss+xml',
        'application/atom+xml',
        'application/feed+json',
        'application/rss+xml',
      ]);
      // The stylesheet loaded under the CSP: the switcher is laid out as a row, not a list.
      const display = await page.locator('nav.languages ul').evaluate((ul) => {
        // Runs in the page; the test's own lib has no DOM types.
        const view = ul.ownerDocument.defaultView as unknown as {
          getComputedStyle(element: unknown): { display: string };
        };
        return view.getComputedStyle(ul).display;
      });
      expect(display).toBe('flex');
      await page.screenshot({ path: 'test-results/browser/es-article.png', fullPage: true });

      await page.locator('nav.languages a[hreflang="de"]').click();
      await page.waitForURL(`${base}/de/articles/${slug}`);
      expect(await page.getAttribute('.notice', 'data-provenance')).toBe('pending');
      expect(await page.textContent('.notice')).toContain('Originalsprache: Ukrainisch.');
      await page.screenshot({ path: 'test-results/browser/de-notice.png', fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
