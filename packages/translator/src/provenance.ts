import type { SegmentPiece } from './flow-plan.ts';

/**
 * Where one segment of a language version came from: a model now, the translation memory's
 * machine entry, an editor's earlier wording of the same sentence (human memory), or an
 * editor writing this very version.
 */
export type SegmentOrigin = 'model' | 'machine-memory' | 'human-memory' | 'human';

/** One translated segment of a version, as the desk shows it. */
export interface SegmentProvenance {
  /** The block (flow) it is in: title 0, summary 1, categories, image alt, body blocks, body image alts. */
  readonly block: number;
  /** The source sentence as a reader sees it. */
  readonly source: string;
  readonly origin: SegmentOrigin;
}

/** How many segments of a version came from each origin. */
export interface OriginCounts {
  readonly human: number;
  readonly humanMemory: number;
  readonly machineMemory: number;
  readonly model: number;
}

/** Per language version: its segments' origins, and their counts. */
export interface Provenance {
  readonly origins: OriginCounts;
  readonly segments: readonly SegmentProvenance[];
}

/**
 * Counts segments by origin.
 *
 * @example
 * provenanceOf([{ block: 0, source: 'Hello.', origin: 'model' }]).origins.model; // 1
 */
export function provenanceOf(segments: readonly SegmentProvenance[]): Provenance {
  const count = (origin: SegmentOrigin) => segments.filter((s) => s.origin === origin).length;
  return {
    origins: {
      human: count('human'),
      humanMemory: count('human-memory'),
      machineMemory: count('machine-memory'),
      model: count('model'),
    },
    segments,
  };
}

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
