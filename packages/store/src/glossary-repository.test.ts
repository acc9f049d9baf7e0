import { expect, it } from 'vitest';
import { NotFoundError } from './errors.ts';
import { describeStore } from './test-harness.ts';

describeStore('the glossary', (env) => {
  it('seeds an untouched glossary once, with no author, and never over a change', async () => {
    expect(await env.store.getGlossary()).toEqual({ version: 0, terms: [] });
    expect(await env.store.seedGlossary([{ source: 'Chas Pravdy', caseSensitive: true }])).toBe(
      true,
    );
    const seeded = await env.store.getGlossary();
    expect(seeded.version).toBe(1);
    expect(seeded.terms).toMatchObject([
      { source: 'Chas Pravdy', caseSensitive: true, updatedBy: null },
    ]);
    expect(seeded.terms[0]).not.toHaveProperty('translations');
    expect(await env.store.seedGlossary([{ source: 'Other', caseSensitive: true }])).toBe(false);
    expect((await env.store.getGlossary()).terms.map((t) => t.source)).toEqual(['Chas Pravdy']);
  });

  it('sets, replaces and removes terms, each change a new version with its author', async () => {
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const start = (await env.store.getGlossary()).version;
    const first = await env.store.setGlossaryTerm(
      { source: 'JEF', translations: { uk: 'ОЕС', es: 'FEC' }, caseSensitive: true },
      editor,
    );
    expect(first.created).toBe(true);
    expect(first.snapshot.version).toBe(start + 1);
    expect(first.snapshot.terms.find((t) => t.source === 'JEF')).toMatchObject({
      translations: { uk: 'ОЕС', es: 'FEC' },
      updatedBy: editor,
    });
    const second = await env.store.setGlossaryTerm(
      { source: 'JEF', from: 'en', caseSensitive: false },
      editor,
    );
    expect(second.created).toBe(false);
    expect(second.snapshot.version).toBe(start + 2);
    const jef = second.snapshot.terms.find((t) => t.source === 'JEF');
    expect(jef).toMatchObject({ from: 'en', caseSensitive: false });
    expect(jef).not.toHaveProperty('translations');
    const removed = await env.store.removeGlossaryTerm('JEF', editor);
    expect(removed.version).toBe(start + 3);
    expect(removed.terms.map((t) => t.source)).not.toContain('JEF');
    await expect(env.store.removeGlossaryTerm('JEF', editor)).rejects.toThrow(NotFoundError);
    expect((await env.store.getGlossary()).version).toBe(start + 3);
    const history = await env.db.query<{ change: string; author_key_id: string }>(
      `SELECT change, author_key_id FROM glossary_changes WHERE source = 'JEF' ORDER BY version`,
    );
    expect(history).toEqual([
      { change: 'set', author_key_id: editor },
      { change: 'set', author_key_id: editor },
      { change: 'remove', author_key_id: editor },
    ]);
  });

  it('numbers concurrent changes one after another', async () => {
    const editor = (await env.store.createKey({ name: 'desk2', role: 'editor' })).id;
    const start = (await env.store.getGlossary()).version;
    const results = await Promise.all(
      ['A1', 'B2', 'C3', 'D4'].map((source) =>
        env.store.setGlossaryTerm({ source, caseSensitive: true }, editor),
      ),
    );
    expect(results.map((r) => r.snapshot.version).sort()).toEqual(
      [1, 2, 3, 4].map((n) => start + n),
    );
    const last = results.find((r) => r.snapshot.version === start + 4);
    expect(last?.snapshot.terms.filter((t) => /^[A-D]\d$/.test(t.source))).toHaveLength(4);
  });
});
