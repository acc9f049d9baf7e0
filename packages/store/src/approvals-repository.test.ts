import { expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';

const draft = {
  title: 'Ukraine erhält Partnerstatus',
  summary: '',
  body: '<p>Die Ukraine hat den Status erhalten.</p>',
  categories: ['Verteidigung'],
};

async function held(env: StoreEnv) {
  const { article } = await env.store.createArticle({
    publisherKeyId: await env.publisher(),
    sourceLanguage: 'uk',
    content: sampleContent(),
  });
  await env.store.recordTranslationResult({
    articleId: article.id,
    language: 'de',
    revision: 1,
    content: draft,
    model: 'Xenova/opus-mt-uk-de',
    status: 'needs_review',
    reason: 'a link was lost',
  });
  const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
  return { article, editor };
}

describeStore('approvals', (env) => {
  it('publishes a draft as it is, as the machine made it, recording who approved it and when', async () => {
    const { article, editor } = await held(env);
    const before = Date.now();
    const de = await env.store.approveTranslation(article.id, 'de', editor);
    expect(de).toMatchObject({
      status: 'published',
      model: 'Xenova/opus-mt-uk-de',
      approvedBy: editor,
      editedBy: null,
      reason: null,
      draft: null,
      content: { title: draft.title, categories: ['Verteidigung'] },
    });
    expect(de.approvedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(de.publishedAt).toBeInstanceOf(Date);
    const [version] = await env.db.query<{ status: string; approved_by: string }>(
      `SELECT status, approved_by FROM translation_versions WHERE article_id = $1 AND language = 'de'`,
      [article.id],
    );
    expect(version).toEqual({ status: 'published', approved_by: editor });
    const listed = await env.store.listPublished('de', { limit: 10 });
    expect(listed.items.find((i) => i.id === article.id)?.reviewed).toBe(true);
  });

  it("publishes a draft with the editor's edit as an editor's version, approved", async () => {
    const { article, editor } = await held(env);
    const edit = { ...draft, title: 'Die Ukraine wird Partner' };
    const de = await env.store.approveTranslation(article.id, 'de', editor, edit);
    expect(de).toMatchObject({
      status: 'edited',
      editedBy: editor,
      approvedBy: editor,
      content: { title: 'Die Ukraine wird Partner' },
    });
  });

  it('keeps the model’s start and finish for a draft approved as it is, and no start for one approved with an edit', async () => {
    const { article, editor } = await held(env);
    const startedAt = new Date(Date.now() - 2 * 3600_000);
    const finishedAt = new Date(startedAt.getTime() + 1500);
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'fr',
      revision: 1,
      content: draft,
      model: 'Xenova/opus-mt-uk-fr',
      status: 'needs_review',
      timings: { startedAt, finishedAt },
    });
    const fr = await env.store.approveTranslation(article.id, 'fr', editor);
    expect([fr.startedAt?.toISOString(), fr.finishedAt?.toISOString()]).toEqual([
      startedAt.toISOString(),
      finishedAt.toISOString(),
    ]);
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'es',
      revision: 1,
      content: draft,
      model: 'Xenova/opus-mt-uk-es',
      status: 'needs_review',
      timings: { startedAt, finishedAt },
    });
    const before = Date.now() - 1000;
    const es = await env.store.approveTranslation(article.id, 'es', editor, {
      ...draft,
      title: 'Ucrania',
    });
    expect(es.startedAt).toBeNull();
    expect(es.finishedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("keeps, of what an edit leaves out, the draft's values; what it sends empty is cleared", async () => {
    const kept = await held(env);
    const de = await env.store.approveTranslation(kept.article.id, 'de', kept.editor, {
      title: 'Die Ukraine wird Partner',
      body: draft.body,
    });
    expect(de.content).toMatchObject({ summary: '', categories: ['Verteidigung'] });
    const cleared = await held(env);
    const emptied = await env.store.approveTranslation(cleared.article.id, 'de', cleared.editor, {
      title: 'Die Ukraine wird Partner',
      body: draft.body,
      categories: [],
    });
    expect(emptied.content?.categories).toEqual([]);
  });

  it('refuses a language with no draft awaiting review, the source language and a retracted article', async () => {
    const { article, editor } = await held(env);
    await expect(env.store.approveTranslation(article.id, 'es', editor)).rejects.toThrow(
      /es version is queued; only a needs_review draft/,
    );
    await expect(env.store.approveTranslation(article.id, 'uk', editor)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await env.store.approveTranslation(article.id, 'de', editor);
    await expect(env.store.approveTranslation(article.id, 'de', editor)).rejects.toThrow(
      /de version is published/,
    );
    const other = await held(env);
    await env.store.retractArticle(other.article.id);
    await expect(
      env.store.approveTranslation(other.article.id, 'de', editor),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('forgets the approval when a new machine version goes live', async () => {
    const { article, editor } = await held(env);
    await env.store.approveTranslation(article.id, 'de', editor);
    await env.store.reviseArticle(
      article.id,
      { ...sampleContent(), title: 'Нова редакція' },
      await env.publisher(),
    );
    // Until the new translation arrives, the approved version is what readers see.
    expect((await env.store.getTranslation(article.id, 'de')).approvedBy).toBe(editor);
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'de',
      revision: 2,
      content: { ...draft, title: 'Neue Fassung' },
      model: 'Xenova/opus-mt-uk-de',
      status: 'published',
    });
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de).toMatchObject({ status: 'published', approvedBy: null, approvedAt: null });
  });
});
