import { describe, expect, it } from 'vitest';
import { LargeTextMemo } from './large-text-memo.ts';
import { largeSanitized, sanitizeArticleHtml } from './sanitize-html.ts';
import { largeExcerpts, textExcerpt } from './text-excerpt.ts';

const large = (words: string) =>
  `<p>${words} <script>alert(1)</script><a href="/riga">Riga</a>.</p>`.repeat(400);

describe('LargeTextMemo', () => {
  it('computes a result once per input and options, and drops the least recently used first', () => {
    const memo = new LargeTextMemo(10);
    const upper = (s: string) => () => s.toUpperCase();
    expect(memo.get(['a', 'abcd'], upper('abcd'))).toBe('ABCD');
    expect(memo.get(['a', 'abcd'], upper('abcd'))).toBe('ABCD');
    expect(memo.computed).toBe(1);
    memo.get(['b', 'abcd'], upper('abcd'));
    expect(memo.computed, 'other options').toBe(2);
    memo.get(['a', 'abcd'], upper('abcd'));
    memo.get(['c', 'efgh'], upper('efgh'));
    expect(memo.computed).toBe(3);
    memo.get(['a', 'abcd'], upper('abcd'));
    expect(memo.computed, "['a'] was used last: kept").toBe(3);
    memo.get(['b', 'abcd'], upper('abcd'));
    expect(memo.computed, "['b'] was the oldest: dropped").toBe(4);
  });

  it('keeps a result made elsewhere, so that get computes nothing, within the same bound', () => {
    const memo = new LargeTextMemo(10);
    expect(memo.has(['a', 'abcd'])).toBe(false);
    memo.keep(['a', 'abcd'], 'ABCD');
    expect(memo.has(['a', 'abcd'])).toBe(true);
    expect(memo.get(['a', 'abcd'], () => 'computed')).toBe('ABCD');
    expect(memo.computed).toBe(0);
    memo.keep(['a', 'abcd'], 'ABCD');
    memo.keep(['b', 'efgh'], 'EFGH');
    expect(memo.has(['a', 'abcd']), 'kept twice counts once: 8 characters fit').toBe(true);
    memo.keep(['c', 'ijkl'], 'IJKL');
    expect(memo.has(['a', 'abcd']), 'the oldest goes first').toBe(false);
    expect(memo.has(['c', 'ijkl'])).toBe(true);
  });
});

describe('large bodies', () => {
  it('are sanitized once per target and base URL, however often a page or feed shows them', () => {
    const body = large('The JEF met in');
    const before = largeSanitized.computed;
    const page = sanitizeArticleHtml(body);
    expect(sanitizeArticleHtml(body)).toBe(page);
    expect(page).not.toContain('<script');
    expect(largeSanitized.computed).toBe(before + 1);
    const feed = { target: 'feed', baseUrl: 'https://news.example/en/articles/jef' } as const;
    const inFeed = sanitizeArticleHtml(body, feed);
    expect(sanitizeArticleHtml(body, feed)).toBe(inFeed);
    expect(inFeed).toContain('href="https://news.example/riga"');
    expect(largeSanitized.computed).toBe(before + 2);
    sanitizeArticleHtml(body, { ...feed, baseUrl: 'https://news.example/fr/articles/jef' });
    expect(largeSanitized.computed).toBe(before + 3);
    sanitizeArticleHtml('<p>short</p>');
    expect(largeSanitized.computed, 'short bodies are not kept').toBe(before + 3);
  });

  it('are excerpted once per length', () => {
    const body = large('Ministers met in');
    const before = largeExcerpts.computed;
    const excerpt = textExcerpt(body, 40);
    expect(textExcerpt(body, 40)).toBe(excerpt);
    expect(excerpt).toBe('Ministers met in Riga. Ministers met in…');
    expect(largeExcerpts.computed).toBe(before + 1);
    textExcerpt(body, 300);
    expect(largeExcerpts.computed).toBe(before + 2);
  });
});
