import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planArticle, renderArticle } from './article-plan.ts';
import { Glossary } from './glossary.ts';
import { decodeSegment } from './placeholder-codec.ts';

const word = fc.constantFrom(
  'Ukraine',
  'minister',
  'said',
  'the',
  'JEF',
  '2025',
  'Kyiv',
  'Lt.',
  'Gen.',
  'on',
);
const punctuation = fc.constantFrom('', '', '', '.', ',', '!', '?');
const text = fc
  .array(fc.tuple(word, punctuation), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([w, p]) => w + p).join(' '));

/** Inline HTML: text, nested inline elements (with attributes), line breaks and code. */
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    text.map((t) => ` ${t} `),
    fc.constant('<br>'),
    fc.constant('<code>x = 1</code>'),
    fc
      .tuple(
        fc.constantFrom('em', 'strong', 'span'),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      )
      .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).node;

/** Links cannot nest in HTML, so they only wrap other inline content. */
const part = fc.oneof(
  inline,
  fc
    .array(inline, { minLength: 1, maxLength: 3 })
    .map((children) => `<a href="https://example.org/?a=1&amp;b=2">${children.join('')}</a>`),
);

const body = fc
  .array(
    fc.tuple(fc.constantFrom('p', 'li', 'h2'), fc.array(part, { minLength: 1, maxLength: 4 })),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((blocks) => blocks.map(([tag, parts]) => `<${tag}>${parts.join('')}</${tag}>`).join('\n'));

/** What the article's text reads as, tags and all whitespace aside. */
const words = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
const tags = (html: string) => (html.match(/<[^>]*>/g) ?? []).join('');

describe('segmenting and rebuilding any body', () => {
  it('gives back every word, in order, and every tag with its attributes', () => {
    fc.assert(
      fc.property(body, (html) => {
        const content = { title: '', summary: '', body: html, categories: [] };
        const plan = planArticle(content, 'en', Glossary.EMPTY, { maxChars: 40 });
        const atoms = plan.segments.map((s) => {
          const decoded = decodeSegment(s.encoded.text, s.encoded.slots);
          if (!decoded.ok) throw new Error(`${decoded.problem}: ${s.encoded.text}`);
          return decoded.atoms;
        });
        const out = renderArticle(content, plan, atoms, Glossary.EMPTY, 'es').body;
        expect(words(out)).toEqual(words(html));
        // Tags may only be merged where the source had an element split across a <br> or
        // sentence; with identity translation they come back exactly.
        expect(tags(out)).toBe(tags(html));
      }),
      { numRuns: 300 },
    );
  });
});
