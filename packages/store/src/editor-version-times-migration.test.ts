import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS_DIRECTORY } from './migrate.ts';
import { describeStore, sampleContent } from './test-harness.ts';

// Stores written before it kept the model's start on an editor's version; 0011 takes it away
// there, and only there.
describeStore('0011_editor_version_times', (env) => {
  it("takes the model's start from an editor's version kept live before it, and from no other", async () => {
    const { article } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const startedAt = new Date(Date.now() - 3 * 3600_000);
    const finishedAt = new Date(startedAt.getTime() + 1500);
    for (const language of ['de', 'fr'] as const) {
      await env.store.recordTranslationResult({
        articleId: article.id,
        language,
        revision: 1,
        model: `Xenova/opus-mt-en-${language}`,
        status: 'published',
        timings: { startedAt, finishedAt },
        content: { title: 'T', summary: '', body: '<p>T.</p>', categories: [] },
      });
    }
    await env.store.editTranslation(
      article.id,
      'de',
      { title: 'K', summary: '', body: '<p>K.</p>', categories: [] },
      editor,
    );
    // As the store wrote an editor's version before: the machine's start kept.
    await env.db.query(
      `UPDATE translations SET started_at = $2 WHERE article_id = $1 AND language = 'de'`,
      [article.id, startedAt],
    );
    const sql = await readFile(join(MIGRATIONS_DIRECTORY, '0011_editor_version_times.sql'), 'utf8');
    await env.db.exec(sql);
    const de = await env.store.getTranslation(article.id, 'de');
    expect(de.startedAt).toBeNull();
    expect(de.finishedAt).not.toBeNull();
    const fr = await env.store.getTranslation(article.id, 'fr');
    expect(fr.startedAt?.toISOString()).toBe(startedAt.toISOString());
    const en = await env.store.getTranslation(article.id, 'en');
    expect(en.startedAt).not.toBeNull();
  });
});
