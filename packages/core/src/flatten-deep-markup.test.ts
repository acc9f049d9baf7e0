import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { flattenDeepMarkup, MAX_MARKUP_DEPTH } from './flatten-deep-markup.ts';
import { sanitizeArticleHtml } from './sanitize-html.ts';

/** The deepest nesting htmlparser2 (the sanitizer's parser) sees, and the text it reads. */
function parse(html: string): { depth: number; text: string } {
  let depth = 0;
  let deepest = 0;
  let text = '';
  const parser = new Parser({
    onopentag() {
      depth++;
      deepest = Math.max(deepest, depth);
    },
    onclosetag() {
      depth--;
    },
    ontext(t) {
      text += t;
    },
  });
  parser.write(html);
  parser.end();
  return { depth: deepest, text };
}

function nested(depth: number, inner: string): string {
  const tags = ['b', 'i', 'em'];
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const t = tags[i % 3];
    open += `<${t}>`;
    close = `</${t}>${close}`;
  }
  return `<p>${open}${inner}${close}</p>`;
}

describe('flattenDeepMarkup', () => {
  it('leaves markup within the depth limit exactly as it was', () => {
    const html =
      '<p>A <b>bold <i>and <em>deep</em></i></b> word<br>, <img src="a.jpg" alt="x"> <!-- c --></p><ul><li>one<li>two</ul>';
    expect(flattenDeepMarkup(html, 4)).toBe(html);
  });

  it('removes the tags nested deeper than the limit and keeps all of their text', () => {
    expect(flattenDeepMarkup('<p><b><i>deep <em class="x">er</em></i></b> end</p>', 2)).toBe(
      '<p><b>deep er</b> end</p>',
    );
  });

  it('counts unclosed paragraphs, list items and cells as HTML closes them, not as nesting', () => {
    const list = `<ul>${'<li>item'.repeat(500)}</ul>${'<p>para'.repeat(500)}`;
    expect(flattenDeepMarkup(list, 10)).toBe(list);
    const table = `<table>${'<tr><td>a<td>b'.repeat(300)}</table>`;
    expect(flattenDeepMarkup(table, 10)).toBe(table);
  });

  it('bounds what the parser sees, however the deep markup is written', () => {
    const cases = [
      nested(5000, 'Kyiv'),
      `<p>${'<b/>'.repeat(5000)}x</p>`,
      `${'<div><span>'.repeat(3000)}x`,
      `<p>${'<b><i>'.repeat(2000)}${'</x>'.repeat(2000)}y</p>`,
      `<svg>${'<g>'.repeat(3000)}<![CDATA[ <b> ]]></svg>`,
    ];
    for (const html of cases) {
      const flat = flattenDeepMarkup(html, 50);
      expect(parse(flat).depth).toBeLessThanOrEqual(50);
      expect(parse(flat).text).toBe(parse(html).text);
    }
  });

  it('lets the sanitizer keep the text of a 30,000-deep article and at most the documented depth', () => {
    const clean = sanitizeArticleHtml(nested(30_000, 'Kyiv <script>alert(1)</script>today'));
    expect(parse(clean)).toEqual({ depth: MAX_MARKUP_DEPTH, text: 'Kyiv today' });
  });
});
