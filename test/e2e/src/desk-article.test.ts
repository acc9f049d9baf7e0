// The API's test harness (`@tidings/api/testing`) builds the real app over a real store and Redis.
import {
  type ApiHarness,
  apiHarness,
  chromiumAvailable,
  staleTranslation,
} from '@tidings/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './harness/browser-session.ts';
import { deskSignIn } from './harness/desk-sign-in.ts';
import { freePort } from './harness/free-port.ts';
import { seriousViolations } from './harness/serious-violations.ts';
import { tabTo } from './harness/tab-to.ts';

const SOURCE = {
  title: 'Ukraine joins the JEF',
  summary: 'Extended partner status.',
  body: '<p>Ukraine has been granted extended partner status.</p><p>Defence minister Denys Shmyhal announced it on <a href="https://example.org/jef">Monday</a>.</p>',
  language: 'en',
};

describe.skipIf(!chromiumAvailable("the browser tests of the desk's article page"))(
  "the desk's article page in a browser",
  () => {
    let h: ApiHarness;
    let editorKeyId = '';
    // Beside the queue's and glossary's screenshots; never committed (.gitignore).
    const session = browserSession({ shots: 'test-results/desk', width: 1200 });
    const fresh = (width?: number) => session.page(width);
    const signIn = (page: Page, key: string) => deskSignIn(page, session.base, key);

    const post = async (key: string, content: object = SOURCE) => {
      const res = await h.call('POST', '/v1/articles', key, content);
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };

    beforeAll(async () => {
      h = await apiHarness({ desk: { queuePollMs: 300 } });
      const found = await h.store.lookupToken(h.keys.editor);
      editorKeyId = found.status === 'valid' ? found.key.id : '';
      await session.open(h.app.fetch, await freePort());
    }, 180_000);

    afterAll(async () => {
      await session.close();
      await h?.close();
    });

    it('takes an editor from the queue to a held German draft, shows why it was held, and publishes a one-sentence correction that the German feed and page show', async () => {
      const id = await post(h.keys.publisher);
      // A worker's held result, written as the results consumer writes it: the model lost the
      // link on "Monday", which the gate reports as data (code and fields, the element named), as
      // workers do.
      const sentence = 'Defence minister Denys Shmyhal announced it on Monday.';
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'de',
        revision: 1,
        model: 'Xenova/opus-mt-en-de',
        status: 'needs_review',
        // The free-text reason (kept for older clients) says it otherwise: what the page shows
        // must come from the data.
        reason: 'placeholder 1 missing',
        reasons: [
          {
            code: 'placeholder-missing',
            placeholder: 1,
            element: 'link',
            wraps: 'Monday',
            segment: sentence,
          },
        ],
        content: {
          title: 'Die Ukraine tritt der JEF bei',
          summary: 'Erweiterter Partnerstatus.',
          body: '<p>Die Ukraine hat einen erweiterten Partnerstatus erhalten.</p><p>Verteidigungsminister Denys Shmyhal gab es am Montag bekannt.</p>',
          categories: [],
        },
      });
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.locator('.states a', { hasText: 'Needs review' }).click();
      await page.getByRole('link', { name: 'Ukraine joins the JEF' }).first().click();
      await page.waitForURL(new RegExp(`/desk/articles/${id}`));
      expect(await page.textContent('h1')).toBe('Ukraine joins the JEF');
      const why = page.locator('section.desk-reasons');
      expect(await why.locator('h3').textContent()).toBe('Why it was held for review');
      expect(await why.locator('li').textContent()).toBe(
        `The link around “Monday” was lost in “${sentence}”`,
      );

      // From here on the keyboard alone, as an editor who does not use a mouse.
      await tabTo(page, { selector: 'a', text: 'Correct' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/edit=de/);
      expect(await seriousViolations(page)).toEqual([]);
      // The rich-text editor (the page's script over the block's text area): retype the
      // sentence, select one word with the arrow keys, and make it a link with the toolbar.
      await tabTo(page, { selector: '[role="textbox"]', text: 'German: Part 2' });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Verteidigungsminister Denys Shmyhal gab dies am Montag bekannt.');
      await page.keyboard.press('End');
      for (const _ of ' bekannt.') await page.keyboard.press('ArrowLeft');
      for (const _ of 'Montag') await page.keyboard.press('Shift+ArrowLeft');
      expect(await page.evaluate('String(getSelection())')).toBe('Montag');
      page.once('dialog', (dialog) => dialog.accept('https://example.org/jef'));
      // The toolbar sits before its text: back with Shift+Tab to its Link button.
      await tabTo(page, { selector: 'button', text: 'Link', back: true, max: 5 });
      await page.keyboard.press('Enter');
      await tabTo(page, { selector: 'button', text: 'Publish the correction' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=published/);
      expect(await page.locator('.notice').textContent()).toContain(
        'Your correction is published.',
      );
      expect(await page.locator('.desk-panel .state').first().textContent()).toBe('Edited');

      const de = await h.store.getTranslation(id, 'de');
      expect(de.status).toBe('edited');
      expect(de.editedBy).toBe(editorKeyId);
      const feed = await (await fetch(`${session.base}/feeds/de/rss.xml`)).text();
      expect(feed).toContain('Shmyhal gab dies am');
      expect(feed).not.toContain('Shmyhal gab es am');
      // The page is at the German version's own slug (the harness's public URL is news.test).
      let res = await fetch(`${session.base}/de/articles/${de.slug}`, { redirect: 'manual' });
      const moved = res.headers.get('location');
      if (moved) res = await fetch(`${session.base}${new URL(moved, session.base).pathname}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(
        /gab dies am <a href="https:\/\/example.org\/jef"[^>]*>Montag<\/a> bekannt/,
      );
    });

    it('with nothing selected, a style applies to what is typed next and no empty element is stored', async () => {
      const id = await post(h.keys.publisher);
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'de',
        revision: 1,
        model: 'Xenova/opus-mt-en-de',
        status: 'needs_review',
        reason: 'held',
        content: {
          title: 'Die Ukraine tritt der JEF bei',
          summary: 'Erweiterter Partnerstatus.',
          body: '<p>Die Ukraine hat einen erweiterten Partnerstatus erhalten.</p><p>Shmyhal gab es bekannt.</p>',
          categories: [],
        },
      });
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/articles/${id}?lang=de&edit=de`);
      const editor = page.locator('[role="textbox"][aria-label="German: Part 2"]');
      const bar = page.getByRole('toolbar', { name: /German: Part 2$/ });
      const area = page.locator('textarea[name="block-1"]');
      const values: string[] = [];
      const typed = async (text: string) => {
        await page.keyboard.type(text);
        values.push(await area.inputValue());
      };
      const press = async (name: string) => {
        await bar.getByRole('button', { name, exact: true }).click();
        values.push(await area.inputValue());
      };

      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      // Strong, nothing selected: pressed, it waits for the text typed next.
      await press('Strong');
      expect(await area.inputValue()).not.toContain('<strong></strong>');
      expect(await bar.getByRole('button', { name: 'Strong' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await typed('Heute');
      // Pressed again at the end of the bold text: what follows is not bold.
      await press('Strong');
      await typed('!');
      // Emphasis and Code pressed and taken back, or left behind by a click elsewhere: nothing.
      await press('Emphasis');
      await press('Emphasis');
      await press('Code');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      await typed('Ende');
      // Two styles pressed one after the other both wait (the second used to replace the first),
      // nested as pressed; leaving the outer one keeps the inner one, then leaving that too.
      await press('Strong');
      await press('Emphasis');
      for (const name of ['Strong', 'Emphasis'])
        expect(await bar.getByRole('button', { name }).getAttribute('aria-pressed'), name).toBe(
          'true',
        );
      await typed('Neu');
      await press('Strong');
      await typed('!');
      await press('Emphasis');
      await typed('.');
      // A link on nothing selected shows its address.
      page.once('dialog', (dialog) => dialog.accept('https://example.org/jef'));
      await press('Link');
      const expected =
        '<p>Shmyhal gab es bekannt.<strong>Heute</strong>!Ende<strong><em>Neu</em></strong><em>!</em>.<a href="https://example.org/jef">https://example.org/jef</a></p>';
      expect(await area.inputValue()).toBe(expected);
      for (const value of values) expect(value).not.toMatch(/<(strong|em|code|a)\b[^>]*><\/\1>/);

      await page.getByRole('button', { name: 'Publish the correction' }).click();
      await page.waitForURL(/done=published/);
      const de = await h.store.getTranslation(id, 'de');
      expect(de.content?.body.split('\n')[1]).toBe(
        '<p>Shmyhal gab es bekannt.<strong>Heute</strong>!Ende<strong><em>Neu</em></strong><em>!</em>.<a href="https://example.org/jef" rel="noopener noreferrer">https://example.org/jef</a></p>',
      );
    });

    it('keeps the text area (the HTML source) for a block with markup the rich editor would drop, so saving keeps its <sup> and <span lang>', async () => {
      const id = await post(h.keys.publisher);
      const blocks = [
        '<p>Die Fläche wuchs auf 10<sup>3</sup> km².</p>',
        '<p>Die Partei <span lang="uk">Слуга народу</span> stimmte zu.</p>',
        '<p>Shmyhal gab es am <a href="https://example.org/jef" rel="noopener noreferrer">Montag</a> bekannt.</p>',
      ];
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'de',
        revision: 1,
        model: 'Xenova/opus-mt-en-de',
        status: 'needs_review',
        reason: 'held',
        content: {
          title: 'Die Ukraine tritt der JEF bei',
          summary: 'Erweiterter Partnerstatus.',
          body: blocks.join(''),
          categories: [],
        },
      });
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/articles/${id}?lang=de&edit=de`);
      // What an editor sees and types into for each block: the rich editor or the text area.
      const field = (part: number) =>
        page.getByLabel(`German: Part ${part}`, { exact: true }).locator('visible=true');
      // One word typed at the start of the block's text (in a text area, past its "<p>").
      const edit = async (part: number) => {
        const kind = await field(part).evaluate((e) => e.tagName);
        await field(part).click();
        await page.keyboard.press('ControlOrMeta+Home');
        if (kind === 'TEXTAREA') for (const _ of '<p>') await page.keyboard.press('ArrowRight');
        await page.keyboard.type('Neu: ');
        return kind;
      };
      const kinds = [await edit(1), await edit(2), await edit(3)];
      await page.getByRole('button', { name: 'Publish the correction' }).click();
      await page.waitForURL(/done=published/);
      const de = await h.store.getTranslation(id, 'de');
      expect(de.content?.body.split('\n')).toEqual([
        '<p>Neu: Die Fläche wuchs auf 10<sup>3</sup> km².</p>',
        '<p>Neu: Die Partei <span lang="uk">Слуга народу</span> stimmte zu.</p>',
        '<p>Neu: Shmyhal gab es am <a href="https://example.org/jef" rel="noopener noreferrer">Montag</a> bekannt.</p>',
      ]);
      // The plain block (its link's rel is the server's own, set again on saving) keeps the
      // rich editor; the other two are edited in their text areas.
      expect(kinds).toEqual(['TEXTAREA', 'TEXTAREA', 'DIV']);
    });

    it('shows a stale Spanish version with the source’s change and the fresh draft; taking the draft makes it edited again', async () => {
      const id = await post(h.keys.publisher);
      const revised = await staleTranslation(h, {
        articleId: id,
        language: 'es',
        edited: {
          title: 'Ucrania se une a la JEF',
          summary: 'Estatus de socio ampliado.',
          body: '<p>Ucrania obtuvo el estatus de socio ampliado.</p><p>Lo anunció el ministro Denys Shmyhal el lunes.</p>',
          categories: [],
        },
        revisedSource: {
          ...SOURCE,
          body: '<p>Ukraine has been granted extended partner status.</p><p>Defence minister Denys Shmyhal announced it on Tuesday.</p>',
        },
        model: 'Xenova/opus-mt-en-es',
        draft: {
          title: 'Ucrania se une a la JEF',
          summary: 'Estatus de socio ampliado.',
          body: '<p>Ucrania obtuvo el estatus de socio ampliado.</p><p>Lo anunció el ministro de Defensa Denys Shmyhal el martes.</p>',
          categories: [],
        },
      });
      expect(revised.status).toBe(202);
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/articles/${id}?lang=es`);
      const change = page.locator('section.desk-source-change');
      expect(await change.locator('h3').textContent()).toBe(
        'What changed in the original (revision 1 → 2)',
      );
      const trimmed = (texts: string[]) => texts.map((text) => text.trim());
      expect(trimmed(await change.locator('del').allTextContents())).toContain('Monday');
      expect(trimmed(await change.locator('ins').allTextContents())).toContain('Tuesday');
      expect(await page.locator('thead th').allTextContents()).toEqual([
        'Original (English)',
        'Spanish: the editor’s version',
        'Spanish: fresh machine draft',
      ]);
      expect(await page.locator('tbody').textContent()).toContain('el martes');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-article-stale');

      await page.getByRole('button', { name: 'Take the fresh draft' }).click();
      await page.waitForURL(/done=tookDraft/);
      expect(await page.locator('.desk-panel .state').first().textContent()).toBe('Edited');
      const es = await h.store.getTranslation(id, 'es');
      expect(es.status).toBe('edited');
      expect(es.content?.body).toContain('el martes');
    });

    it('does not open another publisher’s article to a publisher’s session', async () => {
      const theirs = await post(h.keys.otherPublisher, {
        ...SOURCE,
        title: 'Rival paper: council budget',
      });
      const page = await fresh();
      await signIn(page, h.keys.publisher);
      const res = await page.goto(`${session.base}/desk/articles/${theirs}`);
      expect(res?.status()).toBe(404);
      expect(await page.textContent('body')).not.toContain('Rival paper');
      expect(await page.textContent('h1')).toBe('This article or language cannot be found');
    });

    it('has no serious accessibility problem, is usable by keyboard, stacks on a phone, and speaks English and Ukrainian (screenshots)', async () => {
      const id = await post(h.keys.publisher);
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'de',
        revision: 1,
        model: 'Xenova/opus-mt-en-de',
        status: 'needs_review',
        reason: 'A number is missing',
        content: {
          title: 'Die Ukraine tritt der JEF bei',
          summary: 'Erweiterter Partnerstatus.',
          body: '<p>Die Ukraine hat einen erweiterten Partnerstatus erhalten.</p><p>Shmyhal gab es bekannt.</p>',
          categories: [],
        },
      });
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'fr',
        revision: 1,
        model: 'Xenova/opus-mt-en-fr',
        status: 'published',
        content: {
          title: 'L’Ukraine rejoint la JEF',
          summary: 'Statut de partenaire élargi.',
          body: '<p>L’Ukraine a obtenu le statut de partenaire élargi.</p><p>Shmyhal l’a annoncé lundi.</p>',
          categories: [],
        },
        segmentOrigins: {
          origins: { human: 0, humanMemory: 1, machineMemory: 1, model: 3 },
          segments: [
            { block: 0, source: 'Ukraine joins the JEF', origin: 'model' },
            { block: 1, source: 'Extended partner status.', origin: 'machine-memory' },
            {
              block: 2,
              source: 'Ukraine has been granted extended partner status.',
              origin: 'human-memory',
            },
            {
              block: 3,
              source: 'Defence minister Denys Shmyhal announced it on Monday.',
              origin: 'model',
            },
          ],
        },
      });
      const page = await fresh();
      await signIn(page, h.keys.editor);
      await page.goto(`${session.base}/desk/articles/${id}?lang=de&lang=fr`);
      expect(await page.locator('.desk-segments').first().textContent()).toContain('Model');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'en-article');

      // Keyboard alone: choose languages and publish the held draft as it is.
      await tabTo(page, { selector: 'input[name="lang"][value="es"]' });
      await page.keyboard.press('Space');
      await tabTo(page, { selector: 'button', text: 'Show' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\?lang=es&lang=de&lang=fr$/);
      await tabTo(page, { selector: 'button', text: 'Publish as it is' });
      await page.keyboard.press('Enter');
      // The page comes back with the languages the editor was comparing.
      await page.waitForURL(/\?lang=de&lang=es&lang=fr&done=approved$/);
      expect((await h.store.getTranslation(id, 'de')).status).toBe('published');

      await page.getByRole('button', { name: 'Ук' }).click();
      await page.waitForURL(new RegExp(`/desk/articles/${id}`));
      expect(await page.getAttribute('html', 'lang')).toBe('uk');
      expect(await page.locator('thead th').first().textContent()).toContain('Оригінал');
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-article');

      const phone = await fresh(375);
      await signIn(phone, h.keys.editor);
      await phone.goto(`${session.base}/desk/articles/${id}?lang=fr`);
      const overflow = await phone.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousViolations(phone)).toEqual([]);
      await session.screenshot(phone, 'en-article-phone');

      // The queue once languages are held, failed, edited and published (desk.test.ts's queue
      // screenshots show languages waiting only), in both interface languages.
      await h.store.recordTranslationFailure({
        articleId: id,
        revision: 1,
        language: 'it',
        reason: 'Model Xenova/opus-mt-en-it is not available in /srv/models (not found).',
        failure: {
          code: 'model-unavailable',
          model: 'Xenova/opus-mt-en-it',
          modelsDir: '/srv/models',
        },
      });
      await h.store.recordTranslationResult({
        articleId: id,
        language: 'uk',
        revision: 1,
        model: 'Xenova/opus-mt-en-uk',
        status: 'needs_review',
        reasons: [{ code: 'number-missing', number: '5', segment: 'Shmyhal announced it.' }],
        reason: 'The number 5 was lost in “Shmyhal announced it.”',
        content: {
          title: 'Україна приєдналася до JEF',
          summary: '',
          body: '<p>Так.</p>',
          categories: [],
        },
      });
      await phone.goto(`${session.base}/desk/`);
      expect(await seriousViolations(phone)).toEqual([]);
      await session.screenshot(phone, 'en-queue-states-phone');
      await page.goto(`${session.base}/desk/`);
      expect(await page.locator('tbody .state-failed').count()).toBe(1);
      expect(await page.locator('tbody .state-needs_review').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await session.screenshot(page, 'uk-queue-states');
    });
  },
);
