import { readFileSync } from 'node:fs';
// The API's test harness (`@tidings/api/testing`) builds the real app over a real store.
import {
  chromiumAvailable,
  type SiteHarness,
  seedContent,
  siteHarness,
} from '@tidings/api/testing';
import { resolveSiteSettings } from '@tidings/core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './harness/browser-session.ts';
import { freePort } from './harness/free-port.ts';
import { seriousViolations } from './harness/serious-violations.ts';

describe.skipIf(!chromiumAvailable("the browser tests of the reader's site"))(
  "a reader on the newsroom's site",
  () => {
    let h: SiteHarness;
    // The screenshots are the run's own: none left from an earlier one.
    const session = browserSession({ shots: 'test-results/reader', emptyShots: true });
    let context: BrowserContext;
    let base: string;
    let slugs: Partial<Record<string, string>>;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      h = await siteHarness({
        publicUrl: base,
        site: resolveSiteSettings(
          {
            name: { en: 'Kyiv Ledger', uk: 'Київський вісник' },
            accentColor: '#b3261e',
            footer: { en: '© Kyiv Ledger', uk: '© Київський вісник' },
          },
          {},
        ),
      });
      const english = seedContent('jef-extended-partner.txt', ['Defence']);
      ({ slugs } = await h.publish('en', english, {
        uk: {
          title: 'Україна приєдналася до оборонного альянсу JEF',
          summary: 'Україна першою поза альянсом отримала статус розширеного партнера JEF.',
          body: '<p>Україна отримала статус розширеного партнера в Об’єднаних експедиційних силах (JEF).</p>',
          categories: ['Оборона'],
          image: { url: 'https://images.example.org/shmyhal.jpg', alt: 'Денис Шмигаль' },
        },
      }));
      await session.open(h.app.fetch, port);
      // One context for every test here; it bypasses the site's CSP so axe-core can be injected.
      context = await session.context(1100);
    }, 180_000);

    afterAll(async () => {
      await session.close();
      await h?.close();
    });

    it("reads on /uk/ under the newsroom's name, is told it is a machine translation, and switches to the original", async () => {
      const page = await context.newPage();
      await page.goto(`${base}/uk/`);
      expect(await page.textContent('a.brand')).toBe('Київський вісник');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-home');

      await page
        .getByRole('link', { name: 'Україна приєдналася до оборонного альянсу JEF' })
        .click();
      await page.waitForURL(`${base}/uk/articles/ukraina-pryiednalasia-do-oboronnoho-aliansu-jef`);
      const notice = page.locator('[data-provenance="machine"]');
      expect(await notice.textContent()).toContain(
        'Машинний переклад (test/dictionary); редактор його ще не перевіряв. Мова оригіналу: англійська.',
      );
      expect(await page.locator('ul.tags li').allTextContents()).toEqual(['Оборона']);
      expect(await page.getAttribute('ul.tags a', 'href')).toBe(
        `${base}/feeds/uk/categories/oborona/rss.xml`,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-article');

      await notice.getByRole('link', { name: 'Читати оригінал' }).click();
      await page.waitForURL(`${base}/en/articles/${slugs.en}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('a.brand')).toBe('Kyiv Ledger');
      expect(await page.locator('.notice').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-article');

      await page.goto(`${base}/en/`);
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-home');

      // A language with no translation yet shows the original under a notice, also accessible.
      await page.goto(`${base}/de/articles/${slugs.en}`);
      expect(await page.getAttribute('.notice', 'data-provenance')).toBe('pending');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
      // A home page and an article page in two languages, written by this run.
      for (const shot of ['uk-home', 'uk-article', 'en-home', 'en-article']) {
        const png = readFileSync(`${session.shots}/${shot}.png`);
        expect(png.subarray(1, 4).toString('latin1'), shot).toBe('PNG');
        expect(png.byteLength, shot).toBeGreaterThan(10_000);
      }
    });

    it('shows a feed opened in the browser as a page with a hint to subscribe, and runs nothing from it', async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      const atom = await (await fetch(`${base}/feeds/uk/atom.xml`)).text();
      const published = /<published>([^<]+)<\/published>/.exec(atom)?.[1] ?? '';
      const ukrainianDate = new Intl.DateTimeFormat('uk-UA', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
      // Spaces compared as spaces: a page may hold a no-break one before "р.".
      const expectedDate = ukrainianDate.format(new Date(published)).replace(/\s/g, ' ');
      const readsAsPage = async (shot?: string) => {
        expect(await page.textContent('h1')).toBe('Київський вісник — Українська');
        expect(await page.textContent('.feed-hint')).toContain('Це стрічка новин');
        expect(await page.locator('ol.articles li h2 a').allTextContents()).toEqual([
          'Україна приєдналася до оборонного альянсу JEF',
        ]);
        expect(await page.locator('script').count()).toBe(0);
        // The date as a Ukrainian reader writes it ("30 листопада 2026 р."), not a timestamp.
        const shown = await page.textContent('ol.articles .meta');
        expect(shown?.replace(/\s/g, ' ').trim()).toBe(expectedDate);
        if (shot) await session.screenshot(page, shot);
      };
      // Opened by a person: the site renders the page, with the address to copy.
      await page.goto(`${base}/feeds/uk/atom.xml`);
      await readsAsPage('uk-feed');
      expect(await page.textContent('.feed-hint code')).toBe(`${base}/feeds/uk/atom.xml`);
      expect(await seriousViolations(page)).toEqual([]);
      // A browser that does not say it navigates (no Sec-Fetch-Dest, which Chromium always
      // sends, so the answer is fetched without it here) gets the XML, which its XSLT stylesheet
      // turns into the same page; RSS dates (RFC 822, English month names) read the same way.
      await page.route('**/feeds/uk/*.xml', async (route) => {
        const res = await fetch(route.request().url(), { headers: { accept: 'text/html' } });
        await route.fulfill({
          status: res.status,
          contentType: res.headers.get('content-type') ?? undefined,
          body: await res.text(),
        });
      });
      for (const file of ['atom.xml', 'rss.xml']) {
        await page.goto(`${base}/feeds/uk/${file}`);
        expect(await page.locator('.feed-hint code').count(), file).toBe(0);
        await readsAsPage(file === 'rss.xml' ? 'uk-feed-xslt' : undefined);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
