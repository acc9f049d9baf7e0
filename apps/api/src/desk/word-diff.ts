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
 * everything escaped. Each side is its own text exactly, spaces included: `diffWords` takes the
 * whitespace of the words both share from its second text, so each side is diffed against the
 * other with itself second. A side that is `null` (added or removed whole) is empty.
 *
 * @example
 * wordDiff('the cat sat', 'the dog sat').new; // 'the <ins>dog</ins> sat'
 */
export function wordDiff(before: string | null, after: string | null): MarkedChange {
  const side = (other: string | null, own: string | null, mark: 'del' | 'ins') =>
    html`${diffWords(other ?? '', own ?? '').map((part) => {
      if (part.removed) return '';
      if (!part.added) return part.value;
      return mark === 'del' ? html`<del>${part.value}</del>` : html`<ins>${part.value}</ins>`;
    })}`;
  return { old: side(after, before, 'del'), new: side(before, after, 'ins') };
}
