import { expect, it } from 'vitest';
import { describeStore, sampleContent } from './test-harness.ts';

const machine = (title: string) => ({
  title,
  summary: '',
  body: '<p>Texto de la máquina.</p>',
  categories: [],
});

describeStore('stale versions', (env) => {
  it("keeps the editor's text live, the machine's draft of the new source beside it, and the source's change", async () => {
    const source = sampleContent();
    const { article } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'uk',
      content: { ...source, body: '<p>Перший абзац.</p><p>Другий абзац.</p>' },
    });
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const correction = {
      title: 'Corrección',
      summary: '',
      body: '<p>Texto revisado.</p>',
      categories: [],
    };
    await env.store.editTranslation(article.id, 'es', correction, editor);
    await env.store.reviseArticle(
      article.id,
      { ...source, body: '<p>Перший абзац.</p><p>Змінений абзац.</p><p>Новий абзац.</p>' },
      await env.publisher(),
    );
    const before = await env.store.getTranslation(article.id, 'es');
    expect(before).toMatchObject({ status: 'stale', revision: 2, contentRevision: 1, draft: null });
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'es',
      revision: 2,
      content: machine('Borrador nuevo'),
      model: 'Xenova/opus-mt-uk-es',
      status: 'published',
    });
    const es = await env.store.getTranslation(article.id, 'es');
    expect(es).toMatchObject({
      status: 'stale',
      content: { title: 'Corrección' },
      draft: { title: 'Borrador nuevo' },
      sourceChange: {
        fromRevision: 1,
        toRevision: 2,
        changes: [
          {
            field: 'body',
            kind: 'changed',
            block: 1,
            old: 'Другий абзац.',
            new: 'Змінений абзац.',
          },
          { field: 'body', kind: 'added', block: 2, old: null, new: 'Новий абзац.' },
        ],
      },
    });
    // Once an editor corrects it again, it is edited, with no draft or change to merge.
    await env.store.editTranslation(article.id, 'es', correction, editor);
    expect(await env.store.getTranslation(article.id, 'es')).toMatchObject({
      status: 'edited',
      draft: null,
      sourceChange: null,
    });
  });
});
