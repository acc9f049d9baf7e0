import { expect, it } from 'vitest';
import { describeStore } from './test-harness.ts';

describeStore("the glossary's history", (env) => {
  it('says who changed which term when, newest first, a page at a time and per term', async () => {
    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    const term = `Term${Date.now()}`;
    const before = Date.now();
    await env.store.setGlossaryTerm({ source: term, caseSensitive: true }, editor);
    await env.store.setGlossaryTerm(
      { source: term, translations: { es: 'Término' }, caseSensitive: false },
      editor,
    );
    await env.store.setGlossaryTerm({ source: `${term}-other`, caseSensitive: true }, editor);
    await env.store.removeGlossaryTerm(term, editor);

    const mine = await env.store.glossaryHistory({ term, limit: 2 });
    expect(mine.changes.map((c) => c.change)).toEqual(['remove', 'set']);
    expect(mine.changes[0]).toMatchObject({
      source: term,
      term: null,
      author: { id: editor, name: 'desk' },
    });
    expect(mine.changes[1]?.term).toEqual({
      source: term,
      translations: { es: 'Término' },
      caseSensitive: false,
    });
    expect(mine.changes[0]?.changedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(mine.next).toBe(mine.changes[1]?.version);
    const older = await env.store.glossaryHistory({ term, before: mine.next ?? 0, limit: 2 });
    expect(older.changes.map((c) => c.term)).toEqual([{ source: term, caseSensitive: true }]);
    expect(older.next).toBeNull();

    const all = await env.store.glossaryHistory({ limit: 100 });
    const versions = all.changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(all.changes.some((c) => c.source === `${term}-other`)).toBe(true);
  });
});
