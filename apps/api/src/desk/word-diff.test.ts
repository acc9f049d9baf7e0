import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.ts';

const text = async (marked: ReturnType<typeof wordDiff>) => ({
  old: String(await marked.old),
  new: String(await marked.new),
});

describe('wordDiff', () => {
  it('marks a changed word on both sides', async () => {
    expect(await text(wordDiff('announced it on Monday.', 'announced it on Tuesday.'))).toEqual({
      old: 'announced it on <del>Monday</del>.',
      new: 'announced it on <ins>Tuesday</ins>.',
    });
  });

  it('quotes each side exactly as it was written, with no space the other side has', async () => {
    expect(
      await text(wordDiff('granted partner status.', 'granted partner status on Tuesday.')),
    ).toEqual({
      old: 'granted partner status.',
      new: 'granted partner status <ins>on Tuesday</ins>.',
    });
    expect(await text(wordDiff('a  b c', 'a b  c d'))).toEqual({
      old: 'a  b c',
      new: 'a b  c <ins>d</ins>',
    });
  });

  it('escapes what it quotes', async () => {
    expect((await text(wordDiff('<b>x</b>', '<i>x</i>'))).new).not.toContain('<i>');
  });
});
