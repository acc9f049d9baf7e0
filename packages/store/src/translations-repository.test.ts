import type { LanguageCode } from '@tidings/core';
import { expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';
import type { TranslationResultInput } from './translations-repository.ts';

const german = {
  title: 'Ukraine erhält erweiterten Partnerstatus in der JEF',
  summary: 'Als erstes Land außerhalb des Bündnisses.',
  body: '<p>Die Ukraine hat den Status eines erweiterten Partners erhalten.</p>',
  categories: ['Verteidigung'],
  image: { url: 'https://example.org/shmyhal.jpg', alt: 'Denys Schmyhal' },
};

async function newArticle(env: StoreEnv) {
  const { article } = await env.store.createArticle({
    publisherKeyId: await env.publisher(),
    sourceLanguage: 'uk',
    content: sampleContent(),
  });
  return article;
}

function result(
  articleId: string,
  language: LanguageCode,
  revision = 1,
  overrides: Partial<TranslationResultInput> = {},
): TranslationResultInput {
  return {
    articleId,
    language,
    revision,
    content: german,
    model: 'Xenova/opus-mt-uk-en → Xenova/opus-mt-en-de',
    status: 'published',
    timings: { startedAt: new Date(Date.now() - 1500), finishedAt: new Date() },
    ...overrides,
  };
}

async function versions(env: StoreEnv, articleId: string, language: LanguageCode) {
  return env.db.query<{ origin: string; revision: number }>(
    'SELECT origin, revision FROM translation_versions WHERE article_id = $1 AND language = $2',
    [articleId, language],
  );
}

describeStore('translations', (env) => {
  it('publishes a language as soon as its result arrives, with model and timings', async () => {
    const article = await newArticle(env);
    expect(await env.store.markTranslating(article.id, 'de', 1)).toBe(true);
    expect((await env.store.getTranslation(article.id, 'de')).status).toBe('translating');
    const outcome = await env.store.recordTranslationResult(result(article.id, 'de'));
    expect(outcome).toEqual({ applied: true, status: 'published' });
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de).toMatchObject({
      status: 'published',
      model: 'Xenova/opus-mt-uk-en → Xenova/opus-mt-en-de',
      revision: 1,
      contentRevision: 1,
      content: {
        title: german.title,
        categories: ['Verteidigung'],
        image: { url: 'https://example.org/shmyhal.jpg', alt: 'Denys Schmyhal' },
      },
    });
    expect(de.publishedAt).toBeInstanceOf(Date);
    expect(de.startedAt?.getTime()).toBeLessThan(de.finishedAt?.getTime() ?? 0);
    const [request] = await env.db.query<{ state: string }>(
      `SELECT state FROM translation_requests WHERE article_id = $1 AND language = 'de'`,
      [article.id],
    );
    expect(request?.state).toBe('done');
    expect((await env.store.getTranslation(article.id, 'fr')).status).toBe('queued');
  });

  it('applies the same result delivered five times at once exactly once', async () => {
    const article = await newArticle(env);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => env.store.recordTranslationResult(result(article.id, 'en'))),
    );
    expect(outcomes.filter((o) => o.applied)).toHaveLength(1);
    expect(outcomes.every((o) => o.status === 'published')).toBe(true);
    expect(await versions(env, article.id, 'en')).toHaveLength(1);
    const again = await env.store.recordTranslationResult(result(article.id, 'en'));
    expect(again).toEqual({ applied: false, status: 'published' });
  });

  it.runIf(env.backend.name === 'postgres')(
    'applies a result once when two API instances receive it at the same moment',
    async () => {
      const article = await newArticle(env);
      const other = await env.openAnother();
      try {
        const outcomes = await Promise.all(
          [env.store, other, env.store, other, other].map((s) =>
            s.recordTranslationResult(result(article.id, 'it')),
          ),
        );
        expect(outcomes.filter((o) => o.applied)).toHaveLength(1);
        expect(await versions(env, article.id, 'it')).toHaveLength(1);
      } finally {
        await other.close();
      }
    },
  );

  it('ignores a result for an older revision than the current one', async () => {
    const article = await newArticle(env);
    await env.store.reviseArticle(article.id, sampleContent(), await env.publisher());
    const late = await env.store.recordTranslationResult(result(article.id, 'de', 1));
    expect(late).toEqual({ applied: false, status: 'queued' });
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de.content).toBeNull();
    expect(await versions(env, article.id, 'de')).toHaveLength(0);
    expect(await env.store.markTranslating(article.id, 'de', 1)).toBe(false);
    const current = await env.store.recordTranslationResult(result(article.id, 'de', 2));
    expect(current).toEqual({ applied: true, status: 'published' });
  });

  it('never lets machine output overwrite an editor’s correction', async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const fixed = { ...german, title: 'Korrigiert' };
    const edited = await env.store.editTranslation(article.id, 'de', fixed, editor);
    expect(edited).toMatchObject({
      status: 'edited',
      editedBy: editor,
      content: { title: 'Korrigiert' },
    });
    // The machine version is kept in the history for the editor to compare, but not shown.
    const outcome = await env.store.recordTranslationResult(result(article.id, 'de'));
    expect(outcome).toEqual({ applied: true, status: 'edited' });
    expect((await env.store.getTranslation(article.id, 'de')).content?.title).toBe('Korrigiert');

    await env.store.reviseArticle(article.id, sampleContent(), await env.publisher());
    const machine = await env.store.recordTranslationResult(result(article.id, 'de', 2));
    expect(machine).toEqual({ applied: true, status: 'stale' });
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de).toMatchObject({ status: 'stale', revision: 2, contentRevision: 1 });
    expect(de.content?.title).toBe('Korrigiert');
    const history = await versions(env, article.id, 'de');
    expect(history.map((v) => `${v.origin}@${v.revision}`).sort()).toEqual([
      'editor@1',
      'machine@1',
      'machine@2',
    ]);
  });

  it('says an editor’s correction was finished when the editor saved it and started by no model', async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const modelStart = new Date(Date.now() - 3 * 3600_000);
    await env.store.recordTranslationResult(
      result(article.id, 'de', 1, {
        timings: { startedAt: modelStart, finishedAt: new Date(modelStart.getTime() + 1500) },
      }),
    );
    const machine = await env.store.getTranslation(article.id, 'de');
    expect(machine.startedAt?.toISOString()).toBe(modelStart.toISOString());
    const before = Date.now() - 1000;
    const edited = await env.store.editTranslation(
      article.id,
      'de',
      { ...german, title: 'Korrigiert' },
      editor,
    );
    // The model's start and the editor's save are no translation time: the start is gone.
    expect(edited.startedAt).toBeNull();
    expect(edited.finishedAt?.getTime()).toBeGreaterThanOrEqual(before);
    // A correction made while a model was at work on it takes no start from that model.
    expect(await env.store.markTranslating(article.id, 'fr', 1)).toBe(true);
    const fr = await env.store.editTranslation(article.id, 'fr', german, editor);
    expect(fr.startedAt).toBeNull();
    expect(fr.finishedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('keeps what an edit leaves out (summary, categories, alt text) and clears what it sends empty', async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    await env.store.recordTranslationResult(result(article.id, 'de'));
    const kept = await env.store.editTranslation(
      article.id,
      'de',
      { title: 'Korrigiert', body: '<p>Neu.</p>' },
      editor,
    );
    expect(kept.content).toEqual({ ...german, title: 'Korrigiert', body: '<p>Neu.</p>' });
    const cleared = await env.store.editTranslation(
      article.id,
      'de',
      { title: 'Leer', body: '<p>Neu.</p>', summary: '', categories: [] },
      editor,
    );
    expect(cleared.content).toEqual({
      ...german,
      title: 'Leer',
      body: '<p>Neu.</p>',
      summary: '',
      categories: [],
    });
    const [row] = await env.db.query<{ categories: unknown }>(
      `SELECT categories FROM translation_versions
        WHERE article_id = $1 AND language = 'de' AND origin = 'editor' ORDER BY id`,
      [article.id],
    );
    expect(row?.categories).toEqual(german.categories);
  });

  it("keeps, of a draft held for review, the draft's values", async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    await env.store.recordTranslationResult(
      result(article.id, 'fr', 1, { status: 'needs_review', reason: 'output shorter than input' }),
    );
    const fr = await env.store.editTranslation(
      article.id,
      'fr',
      { title: 'Corrigé', body: '<p>Texte.</p>' },
      editor,
    );
    expect(fr.content).toMatchObject({
      summary: german.summary,
      categories: german.categories,
      image: german.image,
    });
  });

  it('keeps the values of an edit that commits first: two editors at once lose neither change', async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    await env.store.recordTranslationResult(result(article.id, 'de'));
    for (let round = 0; round < 5; round++) {
      const categories = [`Rubrik ${round}`];
      await Promise.all([
        env.store.editTranslation(
          article.id,
          'de',
          { title: german.title, body: german.body, categories },
          editor,
        ),
        env.store.editTranslation(
          article.id,
          'de',
          { title: `Titel ${round}`, body: german.body },
          editor,
        ),
      ]);
      // Whichever came second kept (or set) the categories the first one set.
      expect((await env.store.getTranslation(article.id, 'de')).content?.categories).toEqual(
        categories,
      );
    }
  });

  it('refuses to edit the source language: that is a new revision', async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    await expect(env.store.editTranslation(article.id, 'uk', german, editor)).rejects.toThrow(
      ConflictError,
    );
  });

  it('holds back a result that needs review, keeping it as a draft', async () => {
    const article = await newArticle(env);
    const outcome = await env.store.recordTranslationResult(
      result(article.id, 'fr', 1, { status: 'needs_review', reason: 'output shorter than input' }),
    );
    expect(outcome).toEqual({ applied: true, status: 'needs_review' });
    const fr = await env.store.getTranslation(article.id, 'fr');
    expect(fr).toMatchObject({ status: 'needs_review', reason: 'output shorter than input' });
    expect(fr.content).toBeNull();
    expect(fr.draft?.title).toBe(german.title);
  });

  it('keeps review reasons as data, on the live row and the version, and clears them on retry', async () => {
    const article = await newArticle(env);
    const reasons = [
      { code: 'number-missing', number: '5', segment: 'On 5 May.' },
      { code: 'lost-foreign-run', runs: ['习近平', 'محمد'], segment: 'Met 习近平.' },
      {
        code: 'markup-repaired',
        repairs: [{ placeholder: '<g1>', how: 'restored' }],
        segment: 'A <b>bold</b> word.',
      },
    ] as const;
    await env.store.recordTranslationResult(
      result(article.id, 'de', 1, { status: 'needs_review', reason: 'English text', reasons }),
    );
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de).toMatchObject({ status: 'needs_review', reason: 'English text', reasons });
    const [kept] = await env.db.query<{ reasons: unknown }>(
      'SELECT reasons FROM translation_versions WHERE article_id = $1 AND language = $2',
      [article.id, 'de'],
    );
    expect(kept?.reasons).toEqual(reasons);
    // A published version with repairs (PUBLISH_POLICY=flag) keeps them too.
    await env.store.recordTranslationResult(
      result(article.id, 'fr', 1, { reason: 'repaired', reasons: [reasons[2]] }),
    );
    expect((await env.store.getTranslation(article.id, 'fr')).reasons).toEqual([reasons[2]]);
    // An older worker's result has only the text.
    await env.store.recordTranslationResult(
      result(article.id, 'es', 1, { status: 'needs_review', reason: 'old text' }),
    );
    expect(await env.store.getTranslation(article.id, 'es')).toMatchObject({
      reason: 'old text',
      reasons: [],
    });
    await env.store.retryTranslations(article.id, ['de']);
    expect((await env.store.getTranslation(article.id, 'de')).reasons).toEqual([]);
  });

  it('records a failure with its reason, but not after a version arrived', async () => {
    const article = await newArticle(env);
    const failure = {
      articleId: article.id,
      revision: 1,
      reason: 'model not found: Xenova/opus-mt-uk-es',
    };
    expect(await env.store.recordTranslationFailure({ ...failure, language: 'es' })).toEqual({
      applied: true,
      status: 'failed',
    });
    expect(await env.store.getTranslation(article.id, 'es')).toMatchObject({
      status: 'failed',
      reason: failure.reason,
    });
    await env.store.recordTranslationResult(result(article.id, 'en'));
    expect(await env.store.recordTranslationFailure({ ...failure, language: 'en' })).toEqual({
      applied: false,
      status: 'published',
    });
  });

  it('keeps a failure as data (code and fields) beside its text, and shows a failure kept as text only under a generic code', async () => {
    const article = await newArticle(env);
    const failure = {
      code: 'model-unavailable',
      model: 'Xenova/opus-mt-uk-de',
      modelsDir: '/srv/models',
    } as const;
    const key = { articleId: article.id, revision: 1 };
    await env.store.recordTranslationFailure({
      ...key,
      language: 'de',
      reason: 'Model Xenova/opus-mt-uk-de is not available in /srv/models (not found).',
      failure,
    });
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de).toMatchObject({
      status: 'failed',
      reason: 'Model Xenova/opus-mt-uk-de is not available in /srv/models (not found).',
      reasons: [],
      failure,
    });
    const [row] = await env.db.query<{ reasons: unknown }>(
      "SELECT reasons FROM translations WHERE article_id = $1 AND language = 'de'",
      [article.id],
    );
    expect(row?.reasons).toEqual([failure]);
    // The article's languages say it too.
    const read = await env.store.getArticle(article.id);
    expect(read.languages.find((l) => l.language === 'de')?.failure).toEqual(failure);
    expect(read.languages.find((l) => l.language === 'es')?.failure).toBeNull();
    // A failure from a worker older than codes: its text, under the generic code.
    await env.store.recordTranslationFailure({ ...key, language: 'fr', reason: 'old text' });
    expect((await env.store.getTranslation(article.id, 'fr')).failure).toEqual({
      code: 'translation-error',
      message: 'old text',
    });
    // A worker's "started" that arrives after its "failed" (the results are applied four at a
    // time): the language is translating, and no longer carries the failure in any form.
    await env.store.recordTranslationFailure({ ...key, language: 'it', reason: 'gone', failure });
    expect(await env.store.markTranslating(article.id, 'it', 1)).toBe(true);
    expect(await env.store.getTranslation(article.id, 'it')).toMatchObject({
      status: 'translating',
      reason: null,
      reasons: [],
      failure: null,
    });
    // Translated again: the failure goes with the status.
    await env.store.retryTranslations(article.id, ['de']);
    expect(await env.store.getTranslation(article.id, 'de')).toMatchObject({
      status: 'queued',
      failure: null,
    });
  });
});
