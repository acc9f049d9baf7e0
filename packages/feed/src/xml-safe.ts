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
