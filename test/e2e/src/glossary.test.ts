import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels, type TestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import type { Launched } from './harness/launch.ts';
import { type Installation, installation } from './harness/service.ts';

const story = (title: string) => ({
  title,
  body: '<p>The minister said that Ukraine has joined the JEF.</p>',
  language: 'en',
});

let models: TestModels;
beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['dictionary'] });
});

describe.each(BACKENDS)('the glossary edited through the API, on $name', (backend) => {
  let tidings: Installation;
  let worker: Launched;
  let editor: string;
  let publisher: string;
  let dir = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (!backend.available) return;
    dir = mkdtempSync(join(tmpdir(), 'tidings-glossary-'));
    const file = join(dir, 'glossary.json');
    writeFileSync(
      file,
      JSON.stringify({ terms: [{ source: 'JEF', translations: { es: 'FEC' } }] }),
    );
    const prepared = await backend.prepare();
    drop = prepared.drop;
    tidings = await installation({ ...prepared.env, MODELS_DIR: models.dictionaryModelsDir });
    // The API seeds the store from GLOSSARY; the worker is given no file, so what it uses can
    // only have come from the API.
    await tidings.startApi({ GLOSSARY: file });
    worker = await tidings.startWorker();
    editor = await tidings.createKey('editor');
    publisher = await tidings.createKey('publisher');
  }, 600_000);
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!backend.available)(
    'keeps a term added through the API untranslated in the next article, without restarting the worker',
    async () => {
      const listed = await tidings.call('GET', '/v1/glossary', editor);
      expect(await listed.json()).toMatchObject({
        version: 1,
        terms: [{ source: 'JEF', translations: { es: 'FEC' }, updatedBy: null }],
      });

      const first = await postArticle(tidings, publisher, story('Before'));
      await untilFinal(tidings, publisher, first.id, 180_000);
      const before = await getVersion(tidings, editor, first.id, 'es');
      expect(before.content?.body).toBe('<p>El ministro said que Ucrania ha joined el FEC.</p>');

      const put = await tidings.call('PUT', '/v1/glossary/Ukraine', editor, {});
      expect(put.status).toBe(201);
      expect(await put.json()).toMatchObject({ version: 2, term: { source: 'Ukraine' } });

      // The same sentence again: the translation memory has it from the first article, and
      // must not answer with the old glossary's "Ucrania".
      const second = await postArticle(tidings, publisher, story('After'));
      await untilFinal(tidings, publisher, second.id, 180_000);
      const after = await getVersion(tidings, editor, second.id, 'es');
      expect(after.content?.body).toBe('<p>El ministro said que Ukraine ha joined el FEC.</p>');
      const de = await getVersion(tidings, editor, second.id, 'de');
      expect(de.content?.body).toContain('Ukraine');
      expect(de.content?.body).not.toContain('FEC');

      // A published version is not rewritten by the change.
      expect((await getVersion(tidings, editor, first.id, 'es')).content?.body).toContain(
        'Ucrania',
      );
      // One worker process all along.
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output()).toMatch(/now using glossary version/);

      const removed = await tidings.call('DELETE', '/v1/glossary/Ukraine', editor);
      expect(removed.status).toBe(200);
      const third = await postArticle(tidings, publisher, story('Again'));
      await untilFinal(tidings, publisher, third.id, 180_000);
      expect((await getVersion(tidings, editor, third.id, 'es')).content?.body).toBe(
        before.content?.body,
      );
    },
    600_000,
  );
});
