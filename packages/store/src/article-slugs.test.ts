import { expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { describeStore, sampleContent } from './test-harness.ts';

describeStore('article slugs', (env) => {
  it('derives unique slugs from titles, and refuses a given slug that is taken', async () => {
    const publisherKeyId = await env.publisher();
    const content = sampleContent({ title: 'Шмигаль: Україна в JEF' });
    const a = await env.store.createArticle({ publisherKeyId, sourceLanguage: 'uk', content });
    const b = await env.store.createArticle({ publisherKeyId, sourceLanguage: 'uk', content });
    expect(a.article.slug).toBe('shmyhal-ukraina-v-jef');
    expect(b.article.slug).toBe('shmyhal-ukraina-v-jef-2');
    await expect(
      env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'uk',
        slug: 'shmyhal-ukraina-v-jef',
        content,
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('numbers articles under one headline x, x-2 … x-13 in order, from one counter per base', async () => {
    // A newsroom posts many stories titled alike ("Live updates"): the next number comes from
    // the base's counter, not from a search through the slugs (x-9 sorts after x-12 as text).
    const publisherKeyId = await env.publisher();
    const content = sampleContent({ title: 'Live updates' });
    const slugs: string[] = [];
    for (let i = 0; i < 13; i++) {
      const write = await env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'en',
        content,
      });
      slugs.push(write.article.slug);
    }
    expect(slugs).toEqual([
      'live-updates',
      ...Array.from({ length: 12 }, (_, i) => `live-updates-${i + 2}`),
    ]);
    const counters = await env.db.query<{ last: number }>(
      "SELECT last FROM slug_bases WHERE base = 'live-updates'",
    );
    expect(counters).toEqual([{ last: 13 }]);
  });

  it('passes over slugs given explicitly, and slugs stored before their base was counted', async () => {
    const publisherKeyId = await env.publisher();
    const post = (title: string, slug?: string) =>
      env.store
        .createArticle({
          publisherKeyId,
          sourceLanguage: 'en',
          slug,
          content: sampleContent({ title }),
        })
        .then((w) => w.article.slug);
    expect(await post('Corrections', 'corrections-2')).toBe('corrections-2');
    expect(await post('Corrections')).toBe('corrections');
    expect(await post('Corrections')).toBe('corrections-3');
    // As if these had been stored before slug_bases existed.
    expect(await post('Weather')).toBe('weather');
    expect(await post('Weather')).toBe('weather-2');
    await env.db.query("DELETE FROM slug_bases WHERE base = 'weather'");
    expect(await post('Weather')).toBe('weather-3');
    expect(await post('Weather')).toBe('weather-4');
  });

  it('stores ten articles posted at once under one title, each with its own slug', async () => {
    const publisherKeyId = await env.publisher();
    const content = sampleContent({ title: 'Live: the summit in Kyiv' });
    const writes = await Promise.all(
      Array.from({ length: 10 }, () =>
        env.store.createArticle({ publisherKeyId, sourceLanguage: 'en', content }),
      ),
    );
    const slugs = writes.map((w) => w.article.slug).sort();
    expect(new Set(slugs).size).toBe(10);
    expect(slugs).toContain('live-the-summit-in-kyiv');
    expect(slugs).toContain('live-the-summit-in-kyiv-10');
  });
});
