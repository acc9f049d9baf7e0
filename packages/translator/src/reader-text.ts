import type { SegmentPiece } from './flow-plan.ts';

/**
 * The text of a source segment as a reader sees it: protected runs and terms put back, inline
 * tags dropped, the placeholders' padding removed.
 *
 * @example
 * readerText(piece); // 'The minister said.'
 */
export function readerText(piece: Pick<SegmentPiece, 'encoded' | 'kept'>): string {
  return piece.encoded.text
    .replace(/<x(\d+)\/>/g, (_, n: string) => piece.kept[Number(n) - 1] ?? '')
    .replace(/<\/?g\d+>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[.,;:!?)\]»”])/g, '')
    .trim();
}
