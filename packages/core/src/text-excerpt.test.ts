import { describe, expect, it } from 'vitest';
import { textExcerpt } from './text-excerpt.ts';

describe('textExcerpt', () => {
  it('reads the body as text, a space between blocks, cut at a word with an ellipsis', () => {
    expect(textExcerpt('<p>Ukraine joins.</p><p>The JEF <b>welcomes</b> it.</p>')).toBe(
      'Ukraine joins. The JEF welcomes it.',
    );
    expect(textExcerpt('<p>Ukraine joins.</p><p>The JEF <b>welcomes</b> it.</p>', 24)).toBe(
      'Ukraine joins. The JEF…',
    );
  });

  // A block's text must not run into the next one's: "…in KanivEngineers inspected…".
  it('puts a space between a heading, loose text, lists and tables and what follows', () => {
    expect(textExcerpt('<h2>Title</h2><p>Engineers inspected the dam.</p>')).toBe(
      'Title Engineers inspected the dam.',
    );
    expect(textExcerpt('Title<p>Engineers inspected the dam.</p>')).toBe(
      'Title Engineers inspected the dam.',
    );
    expect(
      textExcerpt('Lead<ul><li>one</li></ul>after<table><tr><td>1</td></tr></table>end<hr>x'),
    ).toBe('Lead one after 1 end x');
    expect(textExcerpt('<p>Le 1<sup>er</sup> mai, <b>CO</b><sub>2</sub>.</p>')).toBe(
      'Le 1er mai, CO2.',
    );
  });

  it('keeps escaped markup as the text it is, and drops scripts and images', () => {
    expect(
      textExcerpt(
        '<p>a &lt;script&gt; &amp; "b"</p><script>alert(1)</script><img alt="x" src="y">',
      ),
    ).toBe('a <script> & "b"');
  });
});
