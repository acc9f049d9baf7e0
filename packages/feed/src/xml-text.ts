// XML 1.0 forbids C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF and
// unpaired surrogates; one of them anywhere makes the whole document unreadable to a parser.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes the characters XML 1.0 cannot carry (and DEL), so no article text can break a
 * feed. Escaping is the serializer's job; this only removes what cannot be escaped.
 *
 * @example
 * xmlSafe('Kyiv\u0000 today'); // 'Kyiv today'
 */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * Text or an attribute value prepared for xmlbuilder2, which escapes `<`, `>` and `"` but
 * leaves `&` alone wherever it starts something shaped like an entity (`&quot;`, `&lt;`,
 * `&foo;`, `&#34;`): HTML that says `alt="&quot;&gt;&lt;script&gt;"` would then reach a
 * reader as live markup once the XML is parsed, and `&foo;` would make the feed malformed.
 * Every `&` is therefore escaped here, and xmlbuilder2 keeps the `&amp;` it is given. The
 * hostile-article tests fail if a later xmlbuilder2 changes this and escapes twice.
 *
 * @example
 * root.ele('title').txt(xmlText('Tom &amp; Jerry')); // <title>Tom &amp;amp; Jerry</title>
 */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;');
}

/**
 * Every value of an attribute map through {@link xmlText}.
 *
 * @example
 * item.ele(NS, 'tidings:provenance', xmlAttributes({ model: 'a&b' }));
 */
export function xmlAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, xmlText(v)]));
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"Kyiv"</b>'); // '&lt;b&gt;&quot;Kyiv&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
