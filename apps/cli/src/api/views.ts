import type { LanguageCode, TranslationStatus } from '@tidings/core';

/** A key as the API names it beside its id (`editor`, `approver`). */
export interface KeyRefView {
  readonly id: string;
  readonly name: string | null;
}

/** One language of an article, as `GET /v1/articles/{id}` shows it. */
export interface LanguageView {
  readonly status: TranslationStatus;
  readonly revision: number;
  readonly contentRevision: number | null;
  readonly model: string | null;
  readonly reason: string | null;
  /**
   * The same reasons as data, each with its `text` (why it needs review, or why it failed);
   * absent from APIs older than this field.
   */
  readonly reasons?: readonly { readonly code: string; readonly text: string }[];
  readonly editedBy: string | null;
  /** The key that edited it, by name; absent from APIs older than this field. */
  readonly editor?: KeyRefView | null;
  /** The editor's key that approved the live version (a draft held for review), and when. */
  readonly approvedBy?: string | null;
  /** The key that approved it, by name; absent from APIs older than this field. */
  readonly approver?: KeyRefView | null;
  readonly approvedAt?: string | null;
  readonly queuedAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly links: { readonly self: string; readonly page: string };
}

/** The content of a version (source, draft or published) as the API returns it. */
export interface VersionContentView {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly categories: readonly string[];
  readonly image?: { readonly url: string; readonly alt: string } | undefined;
}

/** An article with the state of every language (`GET /v1/articles/{id}`). */
export interface ArticleView {
  readonly id: string;
  readonly slug: string;
  readonly externalId: string | null;
  readonly sourceLanguage: LanguageCode;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly retractedAt: string | null;
  readonly content: VersionContentView;
  readonly languages: Partial<Record<LanguageCode, LanguageView>>;
  readonly links: { readonly self: string };
}

/** One language version (`GET|PUT /v1/articles/{id}/{lang}`). */
export interface TranslationView extends LanguageView {
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly sourceLanguage: LanguageCode;
  readonly retractedAt: string | null;
  readonly content: VersionContentView | null;
  /** The machine's draft beside what readers see: awaiting review, or of a stale version's new source. */
  readonly draft?: VersionContentView | null;
  /** For a stale version: how the source changed since the revision the editor worked on. */
  readonly sourceChange?: SourceChangeView | null;
}

/** How an article's source changed between two revisions. */
export interface SourceChangeView {
  readonly fromRevision: number;
  readonly toRevision: number;
  readonly changes: readonly {
    readonly field: 'title' | 'summary' | 'body';
    readonly kind: 'added' | 'removed' | 'changed';
    readonly block: number | null;
    readonly old: string | null;
    readonly new: string | null;
  }[];
}

/** An API key as `GET /v1/keys` lists it (never its token). */
export interface KeyView {
  readonly id: string;
  readonly name: string;
  readonly role: 'publisher' | 'editor' | 'admin';
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A key just made (`POST /v1/keys`): the only time its token is shown. */
export interface CreatedKeyView {
  readonly id: string;
  readonly name: string;
  readonly role: KeyView['role'];
  readonly token: string;
}

/** `GET /readyz`: every dependency's check. */
export interface ReadinessView {
  readonly status: string;
  readonly checks: Record<string, { readonly status: string; readonly error?: string }>;
}

/**
 * States a language does not leave without someone acting: waiting longer changes nothing.
 * `stale` (an editor's text whose source was revised) waits for an editor, so it counts too.
 */
export const FINAL_STATUSES: ReadonlySet<TranslationStatus> = new Set([
  'published',
  'needs_review',
  'failed',
  'edited',
  'stale',
]);

/** One article of `GET /v1/articles`. */
export interface ListedArticleView {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly sourceLanguage: LanguageCode;
  readonly revision: number;
  readonly updatedAt: string;
  readonly languages: Partial<Record<LanguageCode, LanguageView>>;
}

/** A page of `GET /v1/articles`, with the counts of target versions per state. */
export interface ListingView {
  readonly items: readonly ListedArticleView[];
  readonly counts: Partial<Record<TranslationStatus, number>>;
  readonly nextCursor: string | null;
}

/** What a retry did for one language (`POST /v1/articles/{id}[/{lang}]/retry`). */
export interface RetryView {
  readonly language: LanguageCode;
  /** `queued`: a fresh translation; `already`: one was on its way (`job`); `skipped`: see `reason`. */
  readonly outcome: 'queued' | 'already' | 'skipped';
  /** The language's state; `null` when the CLI only has the API's refusal. */
  readonly status: TranslationStatus | null;
  readonly job: string | null;
  readonly reason: string | null;
  /** Why it was skipped, as data with its `text`; absent from APIs older than this field. */
  readonly reasons?: readonly { readonly code: string; readonly text: string }[];
}

/** The answer of a retry route. */
export interface RetriesView {
  readonly articleId: string;
  readonly retries: readonly RetryView[];
}

/** A glossary term (`GET /v1/glossary`, `PUT /v1/glossary/{term}`). */
export interface GlossaryTermView {
  readonly source: string;
  readonly from?: string;
  readonly translations?: Readonly<Record<string, string>>;
  readonly caseSensitive: boolean;
  /** The key that last changed it; `null` when it came from the GLOSSARY file. */
  readonly updatedBy: string | null;
  readonly updatedAt: string;
}

/** The glossary at one version (`GET /v1/glossary`). */
export interface GlossaryView {
  readonly version: number;
  readonly terms: readonly GlossaryTermView[];
}
