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

  it('keeps escaped markup as the text it is, and drops scripts and images', () => {
    expect(
      textExcerpt(
        '<p>a &lt;script&gt; &amp; "b"</p><script>alert(1)</script><img alt="x" src="y">',
      ),
    ).toBe('a <script> & "b"');
  });
});
