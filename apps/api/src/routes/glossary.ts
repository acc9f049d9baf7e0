import { LANGUAGE_CODES, type Logger, storableText } from '@tidings/core';
import type { GlossaryChange, GlossaryEntry, GlossarySnapshot, Store } from '@tidings/store';
import { type Context, Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { ApiEnv } from '../env.ts';
import { fieldProblem } from '../field-problem.ts';
import { authenticate } from '../middleware/auth.ts';
import { nulCharacterProblem, readJson, validated } from '../middleware/json-body.ts';
import { requestLanguage } from '../preferred-language.ts';
import { ProblemError } from '../problem.ts';
import { glossaryChanges } from './glossary-changes.ts';

const languageCode = z.enum(LANGUAGE_CODES, { error: 'language-code' });

/**
 * What `PUT /v1/glossary/{term}` takes, as a term of the GLOSSARY file without its `source`
 * (the path has it): no `translations` (or none for a language) keeps the term as written;
 * `translations` fixes how it is written in each language listed.
 */
export const glossaryTermSchema = z.strictObject({
  from: languageCode.optional(),
  translations: z
    .partialRecord(languageCode, storableText(z.string().trim().min(1).max(200)))
    .optional(),
  caseSensitive: z.boolean().default(true),
});

/** The longest term accepted, in characters. */
export const MAX_TERM_CHARS = 200;

/** What `GET /v1/glossary/history` takes in its query string. */
export const glossaryHistoryQuerySchema = z.strictObject({
  term: storableText(z.string().trim().min(1).max(MAX_TERM_CHARS)).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const changeView = (change: GlossaryChange) => {
  const { term } = change;
  return {
    version: change.version,
    source: change.source,
    change: change.change,
    term: term
      ? {
          ...(term.from ? { from: term.from } : {}),
          ...(term.translations ? { translations: term.translations } : {}),
          caseSensitive: term.caseSensitive,
        }
      : null,
    author: change.author,
    changedAt: change.changedAt.toISOString(),
  };
};

/** What the glossary routes need. */
export interface GlossaryRoutesDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly limiter?: RateLimiterAbstract | undefined;
  /** Hands each new version to the workers (Redis); a failure is logged, the change stays. */
  readonly publish?: ((snapshot: GlossarySnapshot) => Promise<unknown>) | undefined;
}

const termView = (term: GlossaryEntry) => ({
  source: term.source,
  ...(term.from ? { from: term.from } : {}),
  ...(term.translations ? { translations: term.translations } : {}),
  caseSensitive: term.caseSensitive,
  updatedBy: term.updatedBy,
  updatedAt: term.updatedAt.toISOString(),
});

/** Why a term as written cannot be one: blank, over {@link MAX_TERM_CHARS}, or holding a NUL. */
export type TermRefusal = 'empty' | 'too-long' | 'nul';

/**
 * A glossary term as written, trimmed, or why it cannot be one: the one rule for `{term}` in
 * `/v1/glossary/{term}` and the desk's add and remove forms. A NUL character (U+0000) is
 * refused by name: no store can hold it.
 *
 * @example
 * termSource(' NATO '); // { source: 'NATO' }
 * termSource('NA\u0000TO'); // { refused: 'nul' }
 */
export function termSource(raw: string): { source: string } | { refused: TermRefusal } {
  if (raw.includes('\u0000')) return { refused: 'nul' };
  const source = raw.trim();
  if (source === '') return { refused: 'empty' };
  if (source.length > MAX_TERM_CHARS) return { refused: 'too-long' };
  return { source };
}

function termParam(c: Context<ApiEnv>): string {
  const term = termSource(c.req.param('term') ?? '');
  if ('source' in term) return term.source;
  if (term.refused === 'nul') throw nulCharacterProblem(['term'], requestLanguage(c));
  throw new ProblemError(
    'validation',
    { key: 'term-length', fields: { max: MAX_TERM_CHARS } },
    { errors: [fieldProblem('term', 'term-length', { max: MAX_TERM_CHARS })] },
  );
}

/**
 * `/v1/glossary`, for editor and admin keys: read the glossary (`GET`), its history of changes
 * (`GET /history`), add or replace a term (`PUT /{term}`), remove one (`DELETE /{term}`). Each change is a new version, published to
 * the workers, which use it from their next job on; published translations are not rewritten.
 *
 * @example
 * app.route('/v1/glossary', glossaryRoutes({ store, logger, publish }));
 */
export function glossaryRoutes(deps: GlossaryRoutesDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const editor = authenticate(store, ['editor'], deps.limiter);
  const changes = glossaryChanges(deps);

  app.get('/', editor, async (c) => {
    const { version, terms } = await store.getGlossary();
    return c.json({ version, terms: terms.map(termView) });
  });

  // Who changed what when: newest first, per term with `term`, older pages with `before`.
  app.get('/history', editor, async (c) => {
    const query = validated(glossaryHistoryQuerySchema, c.req.query(), requestLanguage(c));
    const page = await store.glossaryHistory(query);
    return c.json({ changes: page.changes.map(changeView), next: page.next });
  });

  app.put('/:term', editor, async (c) => {
    const source = termParam(c);
    const input = await readJson(c, glossaryTermSchema);
    const translations =
      input.translations && Object.keys(input.translations).length > 0
        ? input.translations
        : undefined;
    const { created, snapshot, term } = await changes.setTerm(
      { source, from: input.from, translations, caseSensitive: input.caseSensitive },
      c.var.key.id,
    );
    return c.json(
      { version: snapshot.version, term: term ? termView(term) : null },
      created ? 201 : 200,
    );
  });

  app.delete('/:term', editor, async (c) => {
    const source = termParam(c);
    const snapshot = await changes.removeTerm(source, c.var.key.id);
    return c.json({ version: snapshot.version, removed: source });
  });

  return app;
}

/** The glossary as workers read it: its version and the terms as the GLOSSARY file has them. */
export function publishedForm(snapshot: GlossarySnapshot) {
  return {
    version: snapshot.version,
    terms: snapshot.terms.map((t) => ({
      source: t.source,
      ...(t.from ? { from: t.from } : {}),
      ...(t.translations ? { translations: t.translations } : {}),
      caseSensitive: t.caseSensitive,
    })),
  };
}
