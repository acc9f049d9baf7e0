import { readFileSync } from 'node:fs';
import { articleSubmissionSchema, translationEditSchema } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { articlePayload, editPayload } from './article-input.ts';

const SEED = new URL(
  '../../../../test/fixtures/articles/jef-extended-partner.txt',
  import.meta.url,
);

describe('articlePayload', () => {
  it('turns the plain-text seed into a valid submission: first line the title, a paragraph per line', () => {
    const text = readFileSync(SEED, 'utf8');
    const lines = text.split('\n').filter((l) => l.trim());
    const payload = articlePayload('jef-extended-partner.txt', text, {
      categories: ['Defence'],
    });
    expect(payload.title).toBe("Ukraine joins Northern Europe's JEF defense alliance");
    expect(payload.body.startsWith('<p>Photo: Denys Shmyhal (t.me/Denys_Smyhal)</p>\n')).toBe(true);
    expect(payload.body.match(/<p>/g)).toHaveLength(lines.length - 1);
    expect(payload.categories).toEqual(['Defence']);
    expect(articleSubmissionSchema.parse(payload).title).toBe(payload.title);
  });

  it('turns Markdown into a valid submission with the flags on top', () => {
    const payload = articlePayload('story.md', '# Kyiv\n\nText.', {
      language: 'en',
      externalId: 'cms-42',
      summary: 'Short.',
      slug: 'kyiv',
      categories: ['Defence', 'Europe'],
    });
    expect(payload).toEqual({
      title: 'Kyiv',
      body: '<p>Text.</p>',
      language: 'en',
      externalId: 'cms-42',
      summary: 'Short.',
      slug: 'kyiv',
      categories: ['Defence', 'Europe'],
    });
    expect(articleSubmissionSchema.safeParse(payload).success).toBe(true);
  });

  it('turns HTML into a valid submission, with --title over the heading', () => {
    const payload = articlePayload('story.html', '<h1>Kyiv</h1><p>Text.</p>', { title: 'Oslo' });
    expect(payload).toEqual({ title: 'Oslo', body: '<h1>Kyiv</h1><p>Text.</p>' });
    expect(articleSubmissionSchema.safeParse(payload).success).toBe(true);
  });

  it("sends the API's own JSON as it is, with the flags over its fields", () => {
    const json = JSON.stringify({
      title: 'Kyiv',
      body: '<p>Text.</p>',
      categories: ['A'],
      image: { url: 'https://example.org/a.jpg', alt: 'A map' },
    });
    const payload = articlePayload('-', json, { categories: ['B'], language: 'uk' });
    expect(payload).toEqual({
      title: 'Kyiv',
      body: '<p>Text.</p>',
      categories: ['B'],
      image: { url: 'https://example.org/a.jpg', alt: 'A map' },
      language: 'uk',
    });
    expect(articleSubmissionSchema.safeParse(payload).success).toBe(true);
  });

  it('says which file is not JSON, and why', () => {
    expect(() => articlePayload('story.json', '{"title": ')).toThrow(
      /^story\.json is not valid JSON/,
    );
    expect(() => articlePayload('story.json', '["x"]')).toThrow(/must hold a JSON object/);
  });

  it('asks for --title when a document has none', () => {
    expect(() => articlePayload('story.html', '<p></p>\n<p>Text.</p>')).toThrow(
      /no title: give one with --title/,
    );
  });
});

describe('editPayload', () => {
  it("builds a valid editor's correction from Markdown", () => {
    const payload = editPayload('fix.md', '# Київ\n\nТекст.', { categories: ['Оборона'] });
    expect(payload).toEqual({ title: 'Київ', body: '<p>Текст.</p>', categories: ['Оборона'] });
    expect(translationEditSchema.safeParse(payload).success).toBe(true);
  });
});
