import { describe, expect, it } from 'vitest';
import { cleanText, sanitizeArticleHtml } from './sanitize-html.ts';

describe('sanitizeArticleHtml', () => {
  it('keeps the markup of a news body', () => {
    const html =
      '<p>The <a href="https://example.org/x?a=1&amp;b=2">minister <em>said</em></a> on 5 November.</p>';
    expect(sanitizeArticleHtml(html)).toBe(
      '<p>The <a href="https://example.org/x?a=1&amp;b=2" rel="noopener noreferrer">minister <em>said</em></a> on 5 November.</p>',
    );
  });

  it('drops scripts with their text, event handlers and javascript: links', () => {
    const html =
      '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(2)">x</a><img src="https://e.org/a.jpg" onerror="alert(3)" alt="A"></p>';
    const clean = sanitizeArticleHtml(html);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript|alert/i);
    expect(clean).toContain('<img src="https://e.org/a.jpg" alt="A" />');
  });

  it('removes control characters, which would break a feed', () => {
    expect(sanitizeArticleHtml('<p>a\u0000b\u001Fc</p>')).toBe('<p>abc</p>');
    expect(cleanText(' Kyiv\u0007 ')).toBe('Kyiv');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeArticleHtml('<p>x ]]&gt; &lt;b&gt;</p>')).toBe('<p>x ]]&gt; &lt;b&gt;</p>');
  });
});
