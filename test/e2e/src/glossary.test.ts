import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels, type TestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import { type Launched, launch } from './harness/launch.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

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
      // …until asked for that one article: its published machine versions are translated again.
      const plain = await tidings.call('POST', `/v1/articles/${first.id}/es/retry`, editor);
      expect(plain.status).toBe(409);
      const badInclude = await tidings.call(
        'POST',
        `/v1/articles/${first.id}/retry?include=everything`,
        editor,
      );
      expect(badInclude.status).toBe(422);
      const retried = await tidings.call(
        'POST',
        `/v1/articles/${first.id}/retry?include=published`,
        editor,
      );
      expect(retried.status).toBe(202);
      const redone = await eventually(async () => {
        const es = await getVersion(tidings, editor, first.id, 'es');
        return es.status === 'published' && es.content?.body.includes('Ukraine') ? es : undefined;
      }, 180_000);
      expect(redone.content?.body).toBe('<p>El ministro said que Ukraine ha joined el FEC.</p>');
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

  it.skipIf(!backend.available)(
    'is listed, set and removed with `tidings glossary`, with one-line errors',
    async () => {
      const tidings_ = (...args: string[]) =>
        launch(['apps/cli/bin/tidings.mjs', 'glossary', ...args], {
          ...tidings.env,
          TIDINGS_KEY: editor,
        });
      const run = async (...args: string[]) => {
        const cli = tidings_(...args);
        const { code } = await cli.exited();
        return { code, output: cli.output() };
      };
      const set = await run('set', 'NATO', '--translation', 'es=OTAN', '--translation', 'fr=OTAN');
      expect(set.code, set.output).toBe(0);
      expect(set.output).toMatch(/"NATO": es: OTAN, fr: OTAN \(glossary version \d+/);
      const list = await run('list');
      expect(list.code, list.output).toBe(0);
      expect(list.output).toMatch(/^TERM +WRITTEN +FROM +CASE +CHANGED$/m);
      expect(list.output).toMatch(/^NATO +es: OTAN, fr: OTAN +any +yes /m);
      expect(list.output).toMatch(/^JEF +es: FEC +any +yes /m);
      const json = await run('list', '--json');
      const listed = JSON.parse(json.output) as { terms: { source: string }[] };
      expect(listed.terms.map((t) => t.source)).toContain('NATO');

      const bad = await run('set', 'NATO', '--translation', 'xx=Y');
      expect(bad.code).toBe(2);
      expect(bad.output.trim().split('\n')[0]).toMatch(/--translation "xx=Y": expected LANG=TEXT/);
      const badFrom = await run('set', 'NATO', '--from', 'klingon');
      expect(badFrom.code, badFrom.output).toBe(1);
      expect(badFrom.output).toMatch(/from/);

      const removed = await run('remove', 'NATO');
      expect(removed.code, removed.output).toBe(0);
      expect(removed.output).toMatch(/^removed "NATO" \(glossary version \d+\)\.$/m);
      const again = await run('remove', 'NATO');
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/The glossary has no term "NATO"/);
      expect(again.output).not.toMatch(/at .*\.ts:\d+/);

      const publisherTries = launch(['apps/cli/bin/tidings.mjs', 'glossary', 'list'], {
        ...tidings.env,
        TIDINGS_KEY: publisher,
      });
      expect((await publisherTries.exited()).code).toBe(1);
      expect(publisherTries.output()).toMatch(/publisher key cannot do this/);
    },
    300_000,
  );
});
