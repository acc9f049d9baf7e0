import type { Logger } from '@tidings/core';
import type { GlossaryEntry, GlossarySnapshot, GlossaryTermInput, Store } from '@tidings/store';

/** What a glossary change needs: the store, and the workers to hand each version to. */
export interface GlossaryChangesDeps {
  readonly store: Pick<Store, 'setGlossaryTerm' | 'removeGlossaryTerm'>;
  readonly logger: Logger;
  /** Hands each new version to the workers (Redis); a failure is logged, the change stays. */
  readonly publish?: ((snapshot: GlossarySnapshot) => Promise<unknown>) | undefined;
}

/** The one write path of the glossary, shared by `/v1/glossary` and the desk. */
export interface GlossaryChanges {
  /** Adds or replaces a term as `authorKeyId`; says whether it is new, and the term as stored. */
  setTerm(
    term: GlossaryTermInput,
    authorKeyId: string,
  ): Promise<{ created: boolean; snapshot: GlossarySnapshot; term: GlossaryEntry | undefined }>;
  /** Removes a term as `authorKeyId` (removing an absent one changes nothing). */
  removeTerm(source: string, authorKeyId: string): Promise<GlossarySnapshot>;
}

/**
 * Changes the glossary in the store, each change a new version, and publishes every version
 * to the workers, which use it from their next job on. The API's routes and the desk's forms
 * both change the glossary through this, and nothing else.
 *
 * @example
 * const { created } = await glossaryChanges({ store, logger, publish }).setTerm({ source: 'Kyiv', caseSensitive: true }, key.id);
 */
export function glossaryChanges(deps: GlossaryChangesDeps): GlossaryChanges {
  const publish = async (snapshot: GlossarySnapshot) => {
    try {
      await deps.publish?.(snapshot);
    } catch (error) {
      deps.logger.warn(
        { err: error, version: snapshot.version },
        'could not publish the glossary to the workers; they keep the one they have until the next change or API start',
      );
    }
  };
  return {
    async setTerm(term, authorKeyId) {
      const { created, snapshot } = await deps.store.setGlossaryTerm(term, authorKeyId);
      await publish(snapshot);
      return { created, snapshot, term: snapshot.terms.find((t) => t.source === term.source) };
    },
    async removeTerm(source, authorKeyId) {
      const snapshot = await deps.store.removeGlossaryTerm(source, authorKeyId);
      await publish(snapshot);
      return snapshot;
    },
  };
}
