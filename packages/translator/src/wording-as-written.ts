import {
  type EncodedSegment,
  type PlaceholderPiece,
  placeholderPieces,
  placeholderTag,
  placeholderTokens,
  type Slot,
  spacingAt,
} from './placeholder-codec.ts';

// An editor's wording in the human memory keeps its writer's spacing around markup: stored
// with unpadded placeholders behind a mark, and decoded with the spacing read from it.

/**
 * Opens a wording whose spacing around placeholders is its writer's own (an editor's, in the
 * human memory: see {@link asWritten}), not the codec's padding. A control character, which
 * no cleaned text holds, so no other wording can start with it.
 */
export const AS_WRITTEN = '\u0001';

/**
 * An encoded segment's text with each placeholder spaced as in the text it was encoded from
 * (the codec pads every placeholder with spaces), whitespace at an element's inner edge moved
 * outside it (`<g1>word </g1>next` → `<g1>word</g1> next`), behind {@link AS_WRITTEN}; a text
 * without placeholders is returned as it is. What an editor's wording is stored as, so that
 * reusing it gives back `<code>PURL</code>-Finanzierung` and not the source's spacing.
 *
 * @example
 * asWritten(encodeSegment('(sic)', [{ type: 'open', at: 1, node: 0 }, { type: 'close', at: 4, node: 0 }]));
 * // '\u0001(<g1>sic</g1>)'
 */
export function asWritten(encoded: EncodedSegment): string {
  const pieces = placeholderPieces(encoded.text);
  if (!pieces.some((p) => p.type === 'token')) return encoded.text;
  const spaced = (p: PlaceholderPiece | undefined, side: 'before' | 'after'): boolean => {
    if (p?.type !== 'token') return true;
    const slot = encoded.slots[p.slot];
    const pair = p.kind === 'close' ? slot?.close : slot?.open;
    return pair?.[side === 'before' ? 0 : 1] ?? true;
  };
  let text = '';
  pieces.forEach((p, i) => {
    if (p.type === 'token') text += placeholderTag(p.kind, p.slot);
    else if (
      !/\s/.test(p.char) ||
      (spaced(pieces[i - 1], 'after') && spaced(pieces[i + 1], 'before'))
    )
      text += p.char;
  });
  let moved = text;
  do {
    text = moved;
    moved = text.replace(/(<g\d+>)(\s+)/g, '$2$1').replace(/(\s+)(<\/g\d+>)/g, '$2$1');
  } while (moved !== text);
  return AS_WRITTEN + text.replace(/\s+/g, ' ').trim();
}

/**
 * The slots to decode a wording with: those given, with the spacing and touching characters
 * around each placeholder taken from the wording itself when it is {@link AS_WRITTEN} (so it
 * decodes with its writer's spacing), and the wording without its mark.
 *
 * @example
 * const { text, slots } = spacedAsWritten(wording, segment.encoded.slots);
 * decodeSegment(text, slots);
 */
export function spacedAsWritten(
  wording: string,
  slots: readonly Slot[],
): { text: string; slots: readonly Slot[] } {
  if (!wording.startsWith(AS_WRITTEN)) return { text: wording, slots };
  const text = wording.slice(AS_WRITTEN.length);
  const tokens = placeholderTokens(text);
  let plain = '';
  let cursor = 0;
  const at: number[] = [];
  for (const t of tokens) {
    plain += text.slice(cursor, t.start);
    at.push(plain.length);
    cursor = t.end;
  }
  plain += text.slice(cursor);
  const respaced = [...slots];
  tokens.forEach((t, i) => {
    const slot = respaced[t.slot];
    const offset = at[i] ?? 0;
    if (!slot) return;
    const [space, touch] = spacingAt(plain, offset);
    respaced[t.slot] =
      t.kind === 'close'
        ? { ...slot, close: space, closeTouch: touch }
        : { ...slot, open: space, openTouch: touch };
  });
  return { text, slots: respaced };
}
