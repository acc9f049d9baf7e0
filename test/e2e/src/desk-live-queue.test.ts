import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumAvailable, launchChromium } from '@tidings/api/testing';
import { ensureTestModels } from '@tidings/test-models';
import { DEFAULT_MODEL_MAP } from '@tidings/translator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle, untilFinal } from './harness/article-client.ts';
import type { Launched } from './harness/launch.ts';
import { type Installation, installation } from './harness/service.ts';

const GERMAN = 'Xenova/opus-mt-en-de';

describe.skipIf(!chromiumAvailable("the desk's live queue test"))(
  "the desk's queue, as a failed language is retried after its model is installed",
  () => {
    let tidings: Installation;
    let api: Launched;
    let browser: Browser;
    let modelsDir = '';
    let editor = '';
    let articleId = '';
    let link: (id: string) => void = () => {};

    beforeAll(async () => {
      const models = await ensureTestModels({ kinds: ['dictionary'] });
      // Every model but English to German, which "appears" during the test.
      modelsDir = mkdtempSync(join(tmpdir(), 'tidings-desk-models-'));
      link = (id) => {
        mkdirSync(dirname(join(modelsDir, id)), { recursive: true });
        symlinkSync(join(models.dictionaryModelsDir, id), join(modelsDir, id));
      };
      for (const model of Object.values(DEFAULT_MODEL_MAP.pairs)) {
        const id = typeof model === 'string' ? model : model.model;
        if (id !== GERMAN) link(id);
      }
      tidings = await installation({ MODELS_DIR: modelsDir });
      api = await tidings.startApi();
      await tidings.startWorker();
      const publisher = await tidings.createKey('publisher');
      editor = await tidings.createKey('editor');
      const posted = await postArticle(tidings, publisher, {
        title: 'Harbour reopens after the storm',
        body: '<p>Ukraine has been granted extended partner status.</p>',
        language: 'en',
      });
      articleId = posted.id;
      const done = await untilFinal(tidings, publisher, articleId, 180_000);
      expect(done.languages.de?.status).toBe('failed');
      browser = await launchChromium();
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await tidings?.destroy();
      if (modelsDir) rmSync(modelsDir, { recursive: true, force: true });
    });

    it('shows German failed; retried from the article page after its model is installed, the open queue shows it published without a reload; the key is never logged', async () => {
      // One browser, two tabs: the queue stays open while the editor retries from the article.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${tidings.url}/desk/`);
      await page.getByLabel('API key').fill(editor);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${tidings.url}/desk/`);
      await page.goto(`${tidings.url}/desk/?language=de`);
      const german = page.locator('tbody tr', { hasText: 'Harbour reopens' }).locator('li', {
        hasText: 'DE',
      });
      expect(await german.textContent()).toContain('Failed');
      expect(await page.locator('.states a', { hasText: 'Failed' }).textContent()).toMatch(/1/);
      await page.evaluate('globalThis.notReloaded = true');

      link(GERMAN);
      const article = await context.newPage();
      await article.goto(`${tidings.url}/desk/articles/${articleId}?lang=de`);
      expect(await article.locator('.desk-panel .state').textContent()).toBe('Failed');
      expect(await article.locator('section.desk-reasons h3').textContent()).toBe('Why it failed');
      expect(await article.locator('section.desk-reasons li').count()).toBeGreaterThan(0);
      await article.getByRole('button', { name: 'Translate again' }).click();
      await article.waitForURL(/done=retried/);
      expect(await article.locator('.notice').textContent()).toContain(
        'A new translation is on its way.',
      );

      // The queue page's script brings the change in; nobody reloads it.
      await page
        .locator('tbody tr', { hasText: 'Harbour reopens' })
        .locator('li .state-published', { hasText: 'DE' })
        .waitFor({ timeout: 120_000 });
      expect(await page.evaluate('globalThis.notReloaded')).toBe(true);
      expect(await page.locator('.states a', { hasText: 'Failed' }).textContent()).toMatch(/0/);
      await article.reload();
      expect(await article.locator('.desk-panel .state').textContent()).toBe('Published');
      expect(api.output()).not.toContain(editor);
      await context.close();
    }, 240_000);
  },
);
