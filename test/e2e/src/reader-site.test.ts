import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
import { resolveSiteSettings } from '@tidings/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'test-results/reader';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // Runs in the page, where axe-core has just been loaded.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length})`);
}

describe.skipIf(!chromiumAvailable("the browser tests of the reader's site"))(
  "a reader on the newsroom's site",
  () => {
    let h: SiteHarness;
    let server: ServerType;
    let browser: Browser;
    let context: BrowserContext;
    let base: string;
    let slugs: Partial<Record<string, string>>;

    beforeAll(async () => {
      // The screenshots are the run's own: none left from an earlier one.
      rmSync(SHOTS, { recursive: true, force: true });
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
      server = serve({ fetch: h.app.fetch, port, hostname: '127.0.0.1' });
      browser = await launchChromium();
      // axe-core is injected as a script, which the site's CSP (rightly) refuses.
      context = await browser.newContext({
        bypassCSP: true,
        viewport: { width: 1100, height: 900 },
      });
    }, 180_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await h?.close();
    });

    it("reads on /uk/ under the newsroom's name, is told it is a machine translation, and switches to the original", async () => {
      const page = await context.newPage();
      await page.goto(`${base}/uk/`);
      expect(await page.textContent('a.brand')).toBe('Київський вісник');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/uk-home.png`, fullPage: true });

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
      await page.screenshot({ path: `${SHOTS}/uk-article.png`, fullPage: true });

      await notice.getByRole('link', { name: 'Читати оригінал' }).click();
      await page.waitForURL(`${base}/en/articles/${slugs.en}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('a.brand')).toBe('Kyiv Ledger');
      expect(await page.locator('.notice').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/en-article.png`, fullPage: true });

      await page.goto(`${base}/en/`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/en-home.png`, fullPage: true });

      // A language with no translation yet shows the original under a notice, also accessible.
      await page.goto(`${base}/de/articles/${slugs.en}`);
      expect(await page.getAttribute('.notice', 'data-provenance')).toBe('pending');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
      // A home page and an article page in two languages, written by this run.
      for (const shot of ['uk-home', 'uk-article', 'en-home', 'en-article']) {
        const png = readFileSync(`${SHOTS}/${shot}.png`);
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
        if (shot) await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
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
