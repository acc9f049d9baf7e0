import { createHash } from 'node:crypto';
import type { Translation } from '@tidings/store';

/**
 * What an editor saw of a language when they opened it: its revision, state and the text
 * before them (draft and live version). A form carries it; if it differs when the form comes
 * back, the language changed under the editor and nothing is written.
 *
 * @example
 * versionFingerprint(translation); // 'r2-needs_review-1f3a…'
 */
export function versionFingerprint(
  translation: Pick<Translation, 'revision' | 'status' | 'draft' | 'content'>,
): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([translation.draft, translation.content]))
    .digest('base64url')
    .slice(0, 16);
  return `r${translation.revision}-${translation.status}-${hash}`;
}
