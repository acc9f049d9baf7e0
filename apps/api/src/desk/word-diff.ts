import { diffWords } from 'diff';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** The old and the new text of a change, each with what differs marked. */
export interface MarkedChange {
  /** The old text, words removed in `<del>`. */
  readonly old: HtmlEscapedString | Promise<HtmlEscapedString>;
  /** The new text, words added in `<ins>`. */
  readonly new: HtmlEscapedString | Promise<HtmlEscapedString>;
}

/**
 * Marks the words that differ between two plain texts (word by word, with the `diff`
 * package): removed words in `<del>` on the old side, added ones in `<ins>` on the new side,
 * everything escaped. A side that is `null` (added or removed whole) is empty.
 *
 * @example
 * wordDiff('the cat sat', 'the dog sat').new; // 'the <ins>dog</ins> sat'
 */
export function wordDiff(before: string | null, after: string | null): MarkedChange {
  const parts = diffWords(before ?? '', after ?? '');
  const side = (show: 'removed' | 'added') =>
    html`${parts.map((part) => {
      if (show === 'removed' && part.added) return '';
      if (show === 'added' && part.removed) return '';
      if (part.removed) return html`<del>${part.value}</del>`;
      if (part.added) return html`<ins>${part.value}</ins>`;
      return part.value;
    })}`;
  return { old: side('removed'), new: side('added') };
}
