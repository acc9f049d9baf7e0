import { describe, expect, it } from 'vitest';
import { cleanArticleContent } from './clean-article-content.ts';

describe('cleanArticleContent', () => {
  it('leaves no script, handler or control character in any field a reader sees', () => {
    const cleaned = cleanArticleContent({
      title: 'Kyiv\u0007 today \u202e',
      summary: ' Talks\u0000 resume ',
      body: '<p onclick="steal()">Hi<script>alert(1)</script></p><iframe src="https://x.test"></iframe>',
      categories: ['Defence\u0008', ' World '],
      image: { url: 'https://img.test/a.jpg', alt: 'A\u202e map ' },
    });
    expect(cleaned).toEqual({
      title: 'Kyiv today',
      summary: 'Talks resume',
      body: '<p>Hi</p>',
      categories: ['Defence', 'World'],
      image: { url: 'https://img.test/a.jpg', alt: 'A map' },
    });
  });

  it('keeps an article without an image without one', () => {
    const cleaned = cleanArticleContent({
      title: 'T',
      summary: '',
      body: '<p>B</p>',
      categories: [],
    });
    expect(cleaned.image).toBeUndefined();
  });
});
