import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.ts';
import { detectFormat, readDocument } from './article-document.ts';

describe('detectFormat', () => {
  it('goes by the extension first', () => {
    expect(detectFormat('story.md', '<p>looks like HTML</p>')).toBe('markdown');
    expect(detectFormat('story.HTML', '# looks like Markdown')).toBe('html');
    expect(detectFormat('story.json', '')).toBe('json');
    expect(detectFormat('story.txt', '<p>x</p>')).toBe('text');
  });

  it('looks at the text when the name says nothing (standard input)', () => {
    expect(detectFormat('-', '  {"title": "Kyiv"}')).toBe('json');
    expect(detectFormat('-', '<h1>Kyiv</h1><p>Text</p>')).toBe('html');
    expect(detectFormat('-', '# Kyiv\n\nText')).toBe('markdown');
    expect(detectFormat('-', 'Kyiv\nText')).toBe('text');
  });

  it('takes --format over everything', () => {
    expect(detectFormat('story.html', '<p>x</p>', 'markdown')).toBe('markdown');
  });
});

describe('readDocument', () => {
  it('takes a Markdown heading as the title and renders the rest as HTML', () => {
    const doc = readDocument(
      '# Ukraine joins *JEF*\n\nFirst **paragraph**.\n\n## Background\n\nMore.',
      'markdown',
      true,
    );
    expect(doc.title).toBe('Ukraine joins JEF');
    expect(doc.body).toBe(
      '<p>First <strong>paragraph</strong>.</p>\n<h2>Background</h2>\n<p>More.</p>',
    );
  });

  it("keeps a title's inline markup glued to the words beside it as written", () => {
    expect(
      readDocument('# Die **HIMARS**-Lieferungen (*sic*)\n\nText.', 'markdown', true).title,
    ).toBe('Die HIMARS-Lieferungen (sic)');
    expect(
      readDocument('<h1>«<a href="https://x.test">Kyiv</a>»<br>heute</h1><p>T.</p>', 'html', true)
        .title,
    ).toBe('«Kyiv» heute');
  });

  it('takes the first line of Markdown without a heading as the title', () => {
    const doc = readDocument(
      'Kyiv & Oslo\n\nText with [a link](https://example.org).',
      'markdown',
      true,
    );
    expect(doc.title).toBe('Kyiv & Oslo');
    expect(doc.body).toBe('<p>Text with <a href="https://example.org">a link</a>.</p>');
  });

  it('keeps every heading in the body when the title is given', () => {
    const doc = readDocument('# Kyiv\n\nText.', 'markdown', false);
    expect(doc.title).toBeUndefined();
    expect(doc.body).toBe('<h1>Kyiv</h1>\n<p>Text.</p>');
  });

  it('takes the h1 of an HTML document as the title, decoded, and leaves it out of the body', () => {
    const html =
      '<!doctype html><html><head><title>Site</title></head><body>\n<h1>Kyiv &amp; <em>Oslo</em></h1>\n<p>Text.</p>\n</body></html>';
    const doc = readDocument(html, 'html', true);
    expect(doc.title).toBe('Kyiv & Oslo');
    expect(doc.body).toBe('<p>Text.</p>');
  });

  it('falls back to the <title> of an HTML document without a heading', () => {
    const doc = readDocument(
      '<html><head><title>Kyiv</title></head><body><p>Text.</p></body></html>',
      'html',
      true,
    );
    expect(doc).toEqual({ title: 'Kyiv', body: '<p>Text.</p>' });
  });

  it('makes a paragraph of every line of plain text after the first, escaped', () => {
    const doc = readDocument('Kyiv\r\n\r\nOne <two>\nThree & four\n', 'text', true);
    expect(doc).toMatchObject({
      title: 'Kyiv',
      body: '<p>One &lt;two&gt;</p>\n<p>Three &amp; four</p>',
    });
  });

  it('refuses an article with nothing under its title', () => {
    expect(() => readDocument('# Only a title\n', 'markdown', true)).toThrow(CliError);
    expect(() => readDocument('Only a title', 'text', true)).toThrow(/no body text/);
  });
});
