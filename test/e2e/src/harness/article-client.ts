import type { Installation } from './service.ts';
import { eventually } from './service.ts';

/** A language's state as `GET /v1/articles/{id}` shows it. */
export interface LanguageView {
  status: string;
  revision: number;
  model: string | null;
  reason: string | null;
  publishedAt: string | null;
  finishedAt: string | null;
  startedAt: string | null;
  links: { self: string; page: string };
}

/** The article view of `GET /v1/articles/{id}`. */
export interface ArticleView {
  id: string;
  revision: number;
  languages: Record<string, LanguageView>;
}

const FINAL = new Set(['published', 'needs_review', 'failed', 'edited', 'stale']);

/**
 * Posts an article and returns its view.
 *
 * @example
 * const view = await postArticle(tidings, key, { title, body, language: 'en' });
 */
export async function postArticle(
  tidings: Installation,
  key: string,
  body: unknown,
): Promise<ArticleView> {
  const res = await tidings.call('POST', '/v1/articles', key, body);
  if (res.status >= 300) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ArticleView;
}

/** Reads an article's view. */
export async function getArticle(
  tidings: Installation,
  key: string,
  id: string,
): Promise<ArticleView> {
  const res = await tidings.call('GET', `/v1/articles/${id}`, key);
  if (res.status !== 200) throw new Error(`GET answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ArticleView;
}

/**
 * Waits until every language of the article's current revision is final.
 *
 * @example
 * const done = await untilFinal(tidings, key, view.id);
 */
export function untilFinal(
  tidings: Installation,
  key: string,
  id: string,
  ms = 120_000,
): Promise<ArticleView> {
  return eventually(
    async () => {
      const view = await getArticle(tidings, key, id);
      const states = Object.values(view.languages);
      return states.every((s) => FINAL.has(s.status) && s.revision === view.revision)
        ? view
        : undefined;
    },
    ms,
    `every language of ${id} to be final`,
  );
}

/**
 * One language version's content, as `GET /v1/articles/{id}/{lang}` shows it.
 */
export async function getVersion(
  tidings: Installation,
  key: string,
  id: string,
  lang: string,
): Promise<VersionView> {
  const res = await tidings.call('GET', `/v1/articles/${id}/${lang}`, key);
  if (res.status !== 200) throw new Error(`GET answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as VersionView;
}

/** One language version, as `GET /v1/articles/{id}/{lang}` shows it. */
export interface VersionView {
  status: string;
  content: VersionContent | null;
  /** The machine's draft beside what readers see (needs_review, stale). */
  draft: VersionContent | null;
  /** For a stale version: how the source changed since the editor's revision. */
  sourceChange: {
    fromRevision: number;
    toRevision: number;
    changes: {
      field: string;
      kind: string;
      block: number | null;
      old: string | null;
      new: string | null;
    }[];
  } | null;
  /** Counts of the live version's segments by origin. */
  origins: { human: number; humanMemory: number; machineMemory: number; model: number } | null;
  /** The live version's translated sentences, each with where its translation came from. */
  segments: { block: number; source: string; origin: string }[];
  links: { self: string; page: string };
}

/** The content of a language version, as `GET /v1/articles/{id}/{lang}` shows it. */
export interface VersionContent {
  title: string;
  body: string;
  categories: string[];
  image?: { url: string; alt: string };
}
