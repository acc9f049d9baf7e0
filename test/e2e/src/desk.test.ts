import { createServer, type Server } from 'node:http';
// The API's test harness (`@tidings/api/testing`) builds the real app over a real store and Redis.
import { type ApiHarness, apiHarness, chromiumAvailable } from '@tidings/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './harness/browser-session.ts';
import { deskSignIn } from './harness/desk-sign-in.ts';
import { freePort } from './harness/free-port.ts';
import { seriousViolations } from './harness/serious-violations.ts';
import { tabTo } from './harness/tab-to.ts';

describe.skipIf(!chromiumAvailable("the browser tests of the editor's desk"))(
  "the editor's desk in a browser",
  () => {
    let h: ApiHarness;
    // Not emptied first: desk-article.test.ts writes its screenshots here too.
    const session = browserSession({ shots: 'test-results/desk', width: 1100 });
    const fresh = (width?: number) => session.page(width);
    const signIn = (page: Page, key: string) => deskSignIn(page, session.base, key);

    const post = (key: string, title: string) =>
      h.call('POST', '/v1/articles', key, {
        title,
        body: '<p>Ukraine has been granted extended partner status.</p>',
        language: 'en',
      });

    beforeAll(async () => {
      h = await apiHarness({ desk: { queuePollMs: 300 } });
      for (const title of ['Ukraine joins the JEF', 'Harbour reopens after the storm']) {
        expect((await post(h.keys.publisher, title)).status).toBe(201);
      }
      expect((await post(h.keys.otherPublisher, 'Rival paper: council budget')).status).toBe(201);
      await h.call('PUT', '/v1/glossary/Kyiv%20Ledger', h.keys.editor, {
        translations: { de: 'Kyjiwer Bote', uk: 'Київський вісник' },
      });
      await session.open(h.app.fetch, await freePort());
    }, 180_000);

    afterAll(async () => {
      await session.close();
      await h?.close();
    });

    it('signs an editor in with the keyboard alone and shows the queue, with no serious accessibility problem, in English and Ukrainian', async () => {
      const page = await fresh();
      await page.goto(`${session.base}/desk/`);
      await page.waitForURL(`${session.base}/desk/sign-in?next=%2Fdesk%2F`);
      expect(await seriousViolations(page)).toEqual([]);
      // Keyboard only: skip link, then on with Tab to the form.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
      await tabTo(page, { selector: '#key' });
      await page.keyboard.type(h.keys.editor);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${session.base}/desk/`);
      expect(await page.textContent('h1')).toBe('Queue');
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      // Newest first.
      expect(await rows.first().locator('a').textContent()).toBe('Rival paper: council budget');
      expect(await page.locator('.states a', { hasText: 'Waiting' }).textContent()).toMatch(/15/);
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-queue');

      await tabTo(page, { selector: 'a', text: 'Glossary' });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${session.base}/desk/glossary`);
      expect(await page.textContent('tbody th')).toBe('Kyiv Ledger');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-glossary');

      // The interface language is the editor's choice, and stays chosen.
      await tabTo(page, { selector: 'button', text: 'Ук' });
      await page.keyboard.press('Enter');
      // Back on the same address, in the chosen language.
      await page.locator('html[lang="uk"]').waitFor({ state: 'attached' });
      expect(page.url()).toBe(`${session.base}/desk/glossary`);
      expect(await page.getAttribute('html', 'lang')).toBe('uk');
      expect(await page.textContent('h1')).toBe('Глосарій');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-glossary');
      await page.goto(`${session.base}/desk/`);
      expect(await page.textContent('h1')).toBe('Черга');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-queue');
    });

    it('is readable on a phone: no sideways scrolling, the queue stacked', async () => {
      const page = await fresh(375);
      await signIn(page, h.keys.editor);
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow as number).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-queue-phone');
    });

    it('filters by title words and shows an error summary that links to its field', async () => {
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.getByLabel("Title words (any order, all in one language's title)").fill('harbour');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(`${session.base}/desk/?language=&q=harbour`);
      expect(await page.locator('tbody tr a').allTextContents()).toEqual([
        'Harbour reopens after the storm',
      ]);
      await page.goto(`${session.base}/desk/glossary`);
      await page.getByRole('button', { name: 'Save term' }).click();
      await page.waitForURL(`${session.base}/desk/glossary`);
      // The summary takes focus, and its link takes the editor to the field.
      expect(await page.evaluate('document.activeElement?.className')).toBe('error-summary');
      await page.getByRole('link', { name: 'Enter the term, 1 to 200 characters' }).click();
      expect(await page.evaluate('document.activeElement?.id')).toBe('source');
    });

    it('refuses a form posted without its CSRF token, and one posted from another site', async () => {
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/glossary`);
      await page.getByLabel('Term', { exact: true }).fill('Tokenless');
      await page.evaluate(
        `for (const input of document.querySelectorAll('input[name="_csrf"]')) input.remove()`,
      );
      await page.getByRole('button', { name: 'Save term' }).click();
      expect(await page.textContent('h1')).toBe('This request was refused');

      // A page on another origin that posts the same form, as a forged request would.
      const evilPort = await freePort();
      const evil: Server = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(`<form method="post" action="${session.base}/desk/glossary">
<input name="source" value="Forged"><button>Go</button></form>`);
      });
      await new Promise<void>((resolve) => evil.listen(evilPort, '127.0.0.1', resolve));
      try {
        await page.goto(`http://localhost:${evilPort}/`);
        await page.getByRole('button', { name: 'Go' }).click();
        await page.waitForURL(`${session.base}/desk/glossary`);
        expect(await page.textContent('h1')).toBe('This request was refused');
        expect(await page.textContent('main')).toContain('not sent from the desk itself');
      } finally {
        await new Promise<void>((resolve) => evil.close(() => resolve()));
      }
      const glossary = (await (await h.call('GET', '/v1/glossary', h.keys.editor)).json()) as {
        terms: { source: string }[];
      };
      expect(glossary.terms.map((t) => t.source)).toEqual(['Kyiv Ledger']);
    });

    it('ends the session of a key revoked meanwhile', async () => {
      const created = (await (
        await h.call('POST', '/v1/keys', h.keys.admin, { name: 'night desk', role: 'editor' })
      ).json()) as { id: string; token: string };
      const page = await fresh();
      await signIn(page, created.token);
      expect(await page.textContent('.account span')).toContain('night desk');
      expect((await h.call('DELETE', `/v1/keys/${created.id}`, h.keys.admin)).status).toBe(200);
      await page.reload();
      await page.waitForURL(/\/desk\/sign-in/);
      expect(await page.textContent('h1')).toBe('Sign in to the desk');
      const cookies = await page.context().cookies();
      expect(cookies.map((c) => c.name)).not.toContain('tidings_desk_session');
    });

    it("does not list another publisher's articles to a publisher", async () => {
      const page = await fresh();
      await signIn(page, h.keys.publisher);
      const titles = await page.locator('tbody tr a').allTextContents();
      expect(titles.sort()).toEqual(['Harbour reopens after the storm', 'Ukraine joins the JEF']);
      expect(await page.getByRole('link', { name: 'Glossary' }).count()).toBe(0);
      await page.goto(`${session.base}/desk/?q=rival`);
      expect(await page.locator('tbody tr').count()).toBe(0);
    });

    it('updates the queue without a reload as a language finishes', async () => {
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/?status=published`);
      expect(await page.locator('tbody tr').count()).toBe(0);
      await page.evaluate(() => {
        (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      const { items } = (await (
        await h.call('GET', '/v1/articles?q=harbour', h.keys.editor)
      ).json()) as { items: { id: string; revision: number }[] };
      const article = items[0];
      if (!article) throw new Error('no article');
      // What the results consumer stores when a worker's German translation arrives.
      await h.store.recordTranslationResult({
        articleId: article.id,
        language: 'de',
        revision: article.revision,
        status: 'published',
        model: 'test/dictionary',
        content: {
          title: 'Hafen wieder offen',
          summary: '',
          body: '<p>Offen.</p>',
          categories: [],
        },
      });
      await page
        .locator('tbody tr a', { hasText: 'Harbour reopens after the storm' })
        .waitFor({ timeout: 15_000 });
      expect(await page.locator('tbody tr .state-published').textContent()).toContain('Published');
      expect(await page.locator('#queue-status').textContent()).toBe('The queue has been updated.');
      expect(
        await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
    });

    it('signs out', async () => {
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${session.base}/desk/sign-in`);
      await page.goto(`${session.base}/desk/glossary`);
      await page.waitForURL(/\/desk\/sign-in\?next=%2Fdesk%2Fglossary/);
    });
  },
);
