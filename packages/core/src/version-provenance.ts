import type { TranslationStatus } from './article.ts';
import type { LanguageCode } from './languages.ts';

// What readers and machines are told about one language version: where its text comes from,
// and whether a demo model (`MODELS=demo`) made it.

/**
 * Where the text a reader sees in one language comes from:
 * - `original`: the article as written;
 * - `machine`: a machine translation nobody has checked;
 * - `reviewed`: a machine translation an editor approved;
 * - `edited`: an editor's correction;
 * - `stale`: an editor's correction of an earlier revision: the original has changed since;
 * - `pending`: no translation yet, one is on its way (the original is shown);
 * - `unavailable`: no translation, none is coming by itself: it failed or is held for review
 *   (the original is shown).
 */
export type ProvenanceKind =
  | 'original'
  | 'machine'
  | 'reviewed'
  | 'edited'
  | 'stale'
  | 'pending'
  | 'unavailable';

/** The provenance kinds, for documentation and schemas. */
export const PROVENANCE_KINDS: readonly ProvenanceKind[] = Object.freeze([
  'original',
  'machine',
  'reviewed',
  'edited',
  'stale',
  'pending',
  'unavailable',
]);

/** What readers and machines are told about one language version. */
export interface VersionProvenance {
  readonly kind: ProvenanceKind;
  /** The language the version shows (the source language for `pending` and `unavailable`). */
  readonly language: LanguageCode;
  /** The language the article was written in. */
  readonly sourceLanguage: LanguageCode;
  /** The model that made a `machine` or `reviewed` version. */
  readonly model: string | null;
  /** Set when that model is a demo model (`MODELS=demo`): a demo translation, not a real one. */
  readonly demo?: true | undefined;
}

/** What {@link provenanceOf} reads from a language's state. */
export interface ProvenanceInput {
  readonly language: LanguageCode;
  readonly sourceLanguage: LanguageCode;
  readonly status: TranslationStatus;
  readonly model: string | null;
  /** Whether a version is live in this language. */
  readonly live: boolean;
  /** Whether an editor approved the live machine version. */
  readonly reviewed?: boolean | undefined;
}

/**
 * The provenance of what readers see in a language, from that language's state. A live
 * version keeps its provenance while a newer revision is being translated; without one, a
 * failed or held translation is `unavailable` rather than forever `pending`.
 *
 * @example
 * provenanceOf({ language: 'uk', sourceLanguage: 'en', status: 'published', model: 'Xenova/opus-mt-en-uk', live: true }).kind; // 'machine'
 * provenanceOf({ language: 'de', sourceLanguage: 'en', status: 'failed', model: null, live: false }).kind; // 'unavailable'
 */
export function provenanceOf(input: ProvenanceInput): VersionProvenance {
  const { language, sourceLanguage, model } = input;
  const make = (kind: ProvenanceKind, shown = language): VersionProvenance => {
    const madeBy = kind === 'machine' || kind === 'reviewed' ? model : null;
    return {
      kind,
      language: shown,
      sourceLanguage,
      model: madeBy,
      ...(isDemoModel(madeBy) ? { demo: true as const } : {}),
    };
  };
  if (language === sourceLanguage) return make('original');
  if (!input.live) {
    const held = input.status === 'failed' || input.status === 'needs_review';
    return make(held ? 'unavailable' : 'pending', sourceLanguage);
  }
  if (input.status === 'edited') return make('edited');
  if (input.status === 'stale') return make('stale');
  return make(input.reviewed ? 'reviewed' : 'machine');
}

/**
 * The owner part of the demo models' ids (`tidings-demo/opus-mt-en-es`): the dictionary models
 * the repository builds for itself, used with `MODELS=demo`. A translation whose model has this
 * owner is a demo translation wherever it is shown, whatever mode the service runs in later.
 *
 * @example
 * `${DEMO_MODEL_OWNER}/opus-mt-en-es`; // 'tidings-demo/opus-mt-en-es'
 */
export const DEMO_MODEL_OWNER = 'tidings-demo';

/**
 * Whether a translation's model (or any model of a pivot route, `a → b`) is a demo model.
 *
 * @example
 * isDemoModel('tidings-demo/opus-mt-es-en → tidings-demo/opus-mt-en-uk'); // true
 * isDemoModel('Xenova/opus-mt-en-uk'); // false
 */
export function isDemoModel(model: string | null | undefined): boolean {
  if (!model) return false;
  return model.split(' → ').some((part) => part.trim().startsWith(`${DEMO_MODEL_OWNER}/`));
}
