import { describe, expect, it } from 'vitest';
import { bodyBlocks, sourceChanges } from './block-diff.ts';

const doc = (body: string, title = 'Ukraine joins the JEF', summary = '') => ({
  title,
  summary,
  body,
});

describe('bodyBlocks', () => {
  it('reads each top-level block as plain text', () => {
    expect(
      bodyBlocks('<h2>Kyiv</h2><p>One <b>bold</b> &amp; more</p><ul><li>a</li><li>b</li></ul>'),
    ).toEqual(['Kyiv', 'One bold & more', 'a b']);
  });

  // An article about HTML writes "&amp;lt;b&amp;gt;" to show "&lt;b&gt;": decoded once, never twice.
  it('decodes entities once, so escaped markup stays text', () => {
    expect(bodyBlocks('<p>Write &amp;lt;b&amp;gt; and &amp;amp;</p>')).toEqual([
      'Write &lt;b&gt; and &amp;',
    ]);
  });
});

describe('sourceChanges', () => {
  it('says nothing changed for the same source', () => {
    expect(sourceChanges(doc('<p>a</p><p>b</p>'), doc('<p>a</p><p>b</p>'))).toEqual([]);
  });

  it('tells added, removed and changed blocks apart, with old and new text', () => {
    const before = doc('<p>Intro.</p><p>Old middle.</p><p>Gone.</p><p>End.</p>');
    const after = doc(
      '<p>Intro.</p><p>New middle.</p><p>End.</p><p>Appended.</p>',
      'Ukraine joins',
    );
    expect(sourceChanges(before, after)).toEqual([
      {
        field: 'title',
        kind: 'changed',
        block: null,
        old: 'Ukraine joins the JEF',
        new: 'Ukraine joins',
      },
      { field: 'body', kind: 'changed', block: 1, old: 'Old middle.', new: 'New middle.' },
      { field: 'body', kind: 'removed', block: 2, old: 'Gone.', new: null },
      { field: 'body', kind: 'added', block: 3, old: null, new: 'Appended.' },
    ]);
  });

  it('reports a summary added', () => {
    expect(
      sourceChanges(doc('<p>a</p>'), doc('<p>a</p>', undefined, 'Now with a summary.')),
    ).toEqual([
      { field: 'summary', kind: 'added', block: null, old: null, new: 'Now with a summary.' },
    ]);
  });
});
