import { z } from 'zod';

/**
 * Where one segment of a language version came from: a model now (`model`), the translation
 * memory's machine entry (`machine-memory`), an editor's earlier wording of the same sentence
 * (`human-memory`), or an editor writing this very version (`human`).
 */
export const SEGMENT_ORIGINS = ['model', 'machine-memory', 'human-memory', 'human'] as const;

/** One of {@link SEGMENT_ORIGINS}. */
export type SegmentOrigin = (typeof SEGMENT_ORIGINS)[number];

/**
 * Checks where a version's segments came from, as it travels (result messages) and is stored.
 *
 * @example
 * segmentOriginsSchema.parse({ origins: { human: 0, humanMemory: 1, machineMemory: 0, model: 0 }, segments: [{ block: 0, source: 'Hi.', origin: 'human-memory' }] });
 */
export const segmentOriginsSchema = z.object({
  origins: z.object({
    human: z.number().int().min(0),
    humanMemory: z.number().int().min(0),
    machineMemory: z.number().int().min(0),
    model: z.number().int().min(0),
  }),
  segments: z.array(
    z.object({
      block: z.number().int().min(0),
      source: z.string(),
      origin: z.enum(SEGMENT_ORIGINS),
    }),
  ),
});

/** Per language version: each translated segment's block, source text and origin, and the counts by origin. */
export type SegmentOrigins = z.output<typeof segmentOriginsSchema>;

/** One translated segment of a version, as the desk shows it. */
export type SegmentSource = SegmentOrigins['segments'][number];

/** How many segments of a version came from each origin. */
export type OriginCounts = SegmentOrigins['origins'];

/**
 * Counts segments by origin.
 *
 * @example
 * countOrigins([{ block: 0, source: 'Hello.', origin: 'model' }]).origins.model; // 1
 */
export function countOrigins(segments: readonly SegmentSource[]): SegmentOrigins {
  const count = (origin: SegmentOrigin) => segments.filter((s) => s.origin === origin).length;
  return {
    origins: {
      human: count('human'),
      humanMemory: count('human-memory'),
      machineMemory: count('machine-memory'),
      model: count('model'),
    },
    segments: [...segments],
  };
}
