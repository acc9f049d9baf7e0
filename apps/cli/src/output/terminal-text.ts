import { htmlText } from '../input/html-text.ts';

// Control characters (C0 but the newline, DEL, C1) would let an article's text move the cursor,
// recolour or retitle the terminal: none reaches it.
const CONTROL = /(?!\n)\p{Cc}/gu;
// Bidirectional overrides and isolates would reorder what follows them on the line.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print in a terminal: control characters and bidi overrides removed.
 *
 * @example
 * terminalSafe('Kyiv\u001b[31m'); // 'Kyiv[31m'
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI, '');
}

const BLOCK_END =
  /<\/(p|h[1-6]|li|blockquote|figcaption|caption|tr|dt|dd|pre|summary|details|figure|table)\s*>|<br\s*\/?>/gi;

/**
 * An article body (HTML) as paragraphs of plain text for a terminal: one per block
 * element, list items marked with "• ", blank lines between, nothing a terminal would obey.
 *
 * @example
 * bodyText('<p>Kyiv</p><ul><li>One</li></ul>'); // 'Kyiv\n\n• One'
 */
export function bodyText(html: string): string {
  return html
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(BLOCK_END, '\n\n')
    .split(/\n{2,}/)
    .map((block) => terminalSafe(htmlText(block.replace(/\n• /g, '• '))))
    .filter((block) => block !== '')
    .join('\n\n');
}
