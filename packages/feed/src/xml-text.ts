import { xmlSafe } from './xml-safe.ts';

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
