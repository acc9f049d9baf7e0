const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
};

// Inline elements run within a line of text: their tags touch the words beside them
// (`<strong>HIMARS</strong>-Lieferungen`), so they go without leaving a space. Any other tag
// (a paragraph's, a line break, an image) keeps the words on each side of it apart.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?=[\s/>])[^>]*>/gi;

/**
 * The plain text of an HTML fragment: tags removed (an inline element's without a space, so
 * the text reads as written), entities decoded, whitespace collapsed. For headlines, not for
 * bodies (the API sanitizes bodies itself).
 *
 * @example
 * htmlText('<b>Kyiv</b> &amp; <em>Oslo</em>-Bergen'); // 'Kyiv & Oslo-Bergen'
 */
export function htmlText(html: string): string {
  return html
    .replace(INLINE_TAG, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Escapes text for an HTML text node.
 *
 * @example
 * escapeHtml('AT&T <3'); // 'AT&amp;T &lt;3'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
