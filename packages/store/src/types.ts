import type {
  ArticleContent,
  FailureReasonData,
  LanguageCode,
  RetrySkipData,
  ReviewReasonData,
  SegmentOrigins,
  SourceChangeEntry,
  TranslationStatus,
} from '@tidings/core';

/**
 * An editor's version of one language as the store takes it (a correction, an approval with
 * an edit): its title and body, and what else the editor gave. A field left out (`undefined`;
 * for the image, its alt text) keeps the language version's current value, read in the
 * write's own transaction under the row's lock, so that an editor who did not send it cannot
 * clear it, nor put back a value another editor changed meanwhile. An empty value clears it.
 */
export type EditedContent = Pick<ArticleContent, 'title' | 'body'> & {
  readonly summary?: string | undefined;
  readonly categories?: readonly string[] | undefined;
  readonly image?: ArticleContent['image'];
};

/** What an API key may do. */
export type ApiKeyRole = 'publisher' | 'editor' | 'admin';

/** An API key as stored: its token is known only to its holder. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly role: ApiKeyRole;
  readonly createdAt: Date;
  /** When the key was revoked; `null` while it is valid. */
  readonly revokedAt: Date | null;
}

/** A glossary term as written (PUT /v1/glossary/{term}, the GLOSSARY file's `terms`). */
export interface GlossaryTermInput {
  /** The term as it appears in a source text. */
  readonly source: string;
  /** Only in articles written in this language; every language when absent. */
  readonly from?: LanguageCode | undefined;
  /** Its fixed translation per target language; never translated when absent (or in others). */
  readonly translations?: Partial<Record<LanguageCode, string>> | undefined;
  readonly caseSensitive: boolean;
}

/** A glossary term as stored, with its last change's author (`null`: seeded from GLOSSARY). */
export interface GlossaryEntry extends GlossaryTermInput {
  readonly updatedBy: string | null;
  readonly updatedAt: Date;
}

/** One change of the glossary, as its history keeps it. */
export interface GlossaryChange {
  /** The glossary version this change made. */
  readonly version: number;
  readonly source: string;
  readonly change: 'set' | 'remove';
  /** What the change set; `null` for a removal. */
  readonly term: GlossaryTermInput | null;
  /** The key that made it; `null` for the seed from the GLOSSARY file. */
  readonly author: { readonly id: string; readonly name: string } | null;
  readonly changedAt: Date;
}

/** A page of the glossary's history, newest first; `next` is the `before` of the next page. */
export interface GlossaryHistoryPage {
  readonly changes: readonly GlossaryChange[];
  readonly next: number | null;
}

/** The whole glossary at one version (the number of its latest change; 0 before any). */
export interface GlossarySnapshot {
  readonly version: number;
  readonly terms: readonly GlossaryEntry[];
}

/** A new key and its token, shown once and never stored. */
export interface CreatedKey {
  readonly id: string;
  /** `tdg_` followed by 32 random bytes in base64url. */
  readonly token: string;
}

/** What a bearer token refers to. */
export type TokenLookup =
  | { readonly status: 'valid'; readonly key: ApiKey }
  | { readonly status: 'revoked'; readonly key: ApiKey }
  | { readonly status: 'unknown' };

/** Where one language version of an article stands. */
export interface LanguageState {
  readonly language: LanguageCode;
  readonly status: TranslationStatus;
  /** The source revision this language is expected to match. */
  readonly revision: number;
  /** The source revision the live content was made from; `null` before any is live. */
  readonly contentRevision: number | null;
  readonly model: string | null;
  /** Why it failed or needs review. */
  readonly reason: string | null;
  /**
   * The same reasons as data (code, fields, segment), to be said in any language; empty when
   * there are none or the version came from a worker older than this field (then only
   * `reason` says why).
   */
  readonly reasons: readonly ReviewReasonData[];
  /**
   * Why it failed, as data (code and fields), when it is `failed`; a failure kept before
   * failures had codes is its text as a `translation-error`. `null` in any other status.
   */
  readonly failure: FailureReasonData | null;
  /** The editor's key, when an editor's text is live. */
  readonly editedBy: string | null;
  /** The editor's key that approved the live version (a draft held for review), and when. */
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly queuedAt: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  /** When this language first went live; `null` until then. */
  readonly publishedAt: Date | null;
  /** When the live content last changed. */
  readonly updatedAt: Date | null;
  /**
   * This version's own slug, from its title when it first went live, never changed since;
   * `null` before (the article's slug reaches it meanwhile).
   */
  readonly slug: string | null;
}

/** An article with its current source content and the state of every language. */
export interface Article {
  readonly id: string;
  readonly slug: string;
  readonly externalId: string | null;
  readonly publisherKeyId: string;
  readonly sourceLanguage: LanguageCode;
  /** The current revision number, from 1. */
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly retractedAt: Date | null;
  /** The current revision's content, in the source language. */
  readonly content: ArticleContent;
  /** All six languages, in menu order, the source language included. */
  readonly languages: readonly LanguageState[];
}

/** One language version of an article. */
export interface Translation extends LanguageState {
  readonly articleId: string;
  readonly slug: string;
  readonly sourceLanguage: LanguageCode;
  readonly retractedAt: Date | null;
  /** What readers see in this language; `null` until a version is live. */
  readonly content: ArticleContent | null;
  /**
   * Where each segment of what readers see came from; `null` without a live version, or for
   * one made before this was recorded.
   */
  readonly segmentOrigins: SegmentOrigins | null;
  /**
   * The machine's latest version of the current revision, when it is not what readers see:
   * awaiting review (`needs_review`), or beside an editor's text whose source changed (`stale`).
   */
  readonly draft: ArticleContent | null;
  /** For a `stale` version: how the source changed since the revision the editor worked on. */
  readonly sourceChange: SourceChange | null;
}

/** How an article's source changed between two revisions, title, summary and block by block. */
export interface SourceChange {
  /** The revision the live (editor's) version was made from. */
  readonly fromRevision: number;
  /** The current revision. */
  readonly toRevision: number;
  readonly changes: readonly SourceChangeEntry[];
}

/** Identifies one translation request of the outbox (and the job made from it). */
export interface TranslationRequestKey {
  readonly articleId: string;
  readonly revision: number;
  readonly language: LanguageCode;
  /** Which retry of the revision it asks for: 0 (or absent) for the first translation. */
  readonly retry?: number | undefined;
}

/** A request of the outbox that is not yet done. */
export interface TranslationRequest extends TranslationRequestKey {
  readonly state: 'pending' | 'enqueued' | 'done';
  /** How many times it was handed to the queue. */
  readonly attempts: number;
  readonly createdAt: Date;
  readonly enqueuedAt: Date | null;
}

/**
 * What a retry did for one language: queued a fresh translation, found one already on its
 * way (`already`: the same request, never a second job), or skipped it, saying why.
 */
export type RetryOutcome =
  | {
      readonly language: LanguageCode;
      readonly outcome: 'queued' | 'already';
      readonly status: TranslationStatus;
      /** The request of the job, to enqueue (again: its job id makes that harmless). */
      readonly request: TranslationRequestKey & { readonly retry: number };
      /** When queued: how many automatic retries after stalling the revision has had now. */
      readonly stalledRetries?: number | undefined;
    }
  | {
      readonly language: LanguageCode;
      readonly outcome: 'skipped';
      readonly status: TranslationStatus;
      /** Why, as a code with fields, to say in a reader's language (see `retrySkipSchema`). */
      readonly skip: RetrySkipData;
      /** Why, in English, for the logs and older readers. */
      readonly reason: string;
      /** When skipped for stalling too often: the automatic retries the revision had. */
      readonly stalledRetries?: number | undefined;
    };

/** The outcome of writing an article: what it is now, and which jobs to enqueue. */
export interface ArticleWrite {
  readonly article: Article;
  /** A new article was created (false for a repost of a known external id). */
  readonly created: boolean;
  /** A new revision was written (true for a new article too). */
  readonly revised: boolean;
  /** The requests written to the outbox by this call, to enqueue after it returns. */
  readonly requests: readonly TranslationRequestKey[];
}

/** The outcome of applying a worker's result or failure. */
export interface ResultOutcome {
  /** False when it changed nothing: a duplicate, an outdated revision, a late failure. */
  readonly applied: boolean;
  /** The language's status afterwards. */
  readonly status: TranslationStatus;
}

/** One article as a feed or a page lists it, in one language. */
export interface ListedArticle {
  readonly id: string;
  /** This version's own slug. */
  readonly slug: string;
  /** The slug of every live version, this one included. */
  readonly slugs: Readonly<Partial<Record<LanguageCode, string>>>;
  /** Live since before permanent feed ids: its feed id stays the one readers already hold. */
  readonly legacyEntryId: boolean;
  readonly language: LanguageCode;
  readonly sourceLanguage: LanguageCode;
  readonly status: TranslationStatus;
  /** The model that made the live version, when a machine made it. */
  readonly model: string | null;
  /** Whether an editor approved the live version (a draft held for review). */
  readonly reviewed: boolean;
  readonly content: ArticleContent;
  /** When this language version first went live. */
  readonly publishedAt: Date;
  /** When this language version last changed. */
  readonly updatedAt: Date;
  /** Every language with a live version, this one included, in menu order. */
  readonly languages: readonly LanguageCode[];
}

/** What a language's listing looks like right now, cheaply: enough to tell that it changed. */
export interface ListingVersion {
  /** Opaque; equal strings mean the listing (and every item's alternates) is unchanged. */
  readonly key: string;
  /** The newest change that can have altered the listing, for `Last-Modified`. */
  readonly changedAt: Date;
}

/** One page of a listing. */
export interface ListedPage {
  readonly items: readonly ListedArticle[];
  /** Pass as `before` for the next (older) page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** One row of the editors' listing: an article and where each of its languages stands. */
export interface ArticleSummary {
  readonly id: string;
  readonly slug: string;
  /** The title of the current revision, in the source language. */
  readonly title: string;
  readonly publisherKeyId: string;
  readonly sourceLanguage: LanguageCode;
  readonly revision: number;
  readonly createdAt: Date;
  /** When the article was last revised (or created). */
  readonly updatedAt: Date;
  /** All six languages, in menu order, the source language included. */
  readonly languages: readonly LanguageState[];
}

/** One page of the editors' listing, with counts of target language versions per state. */
export interface ArticleIndexPage {
  readonly items: readonly ArticleSummary[];
  /** Pass as `cursor` for the next (older) page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** Target language versions in each state, under the listing's filters except `status`. */
  readonly counts: Readonly<Record<TranslationStatus, number>>;
}

/**
 * An editor's correction or approval the translation memory has yet to learn: the approved
 * version and the source revision it was made against.
 */
export interface MemoryLesson {
  readonly versionId: string;
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly sourceLanguage: LanguageCode;
  /** The source revision's content. */
  readonly source: ArticleContent;
  /** The version an editor wrote or approved. */
  readonly corrected: ArticleContent;
  /** Attempts so far to teach it. */
  readonly attempts: number;
}
