import {
  type ArticleContent,
  DEFAULT_MAX_ARTICLE_CHARS,
  LANGUAGE_CODES,
  type LanguageCode,
  type Logger,
  type SegmentOrigins,
  type TranslationEditInput,
} from '@tidings/core';
import type { ApiKey, Article, RetryOutcome, Store, Translation } from '@tidings/store';
import type { MemoryTeacher } from '../dispatch/memory-teacher.ts';
import type { TranslationDispatcher } from '../dispatch/translation-dispatcher.ts';
import { assertRole } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { assertVisible } from './article-access.ts';
import { cleanEdit, editBase } from './clean-edit.ts';

/** What the commands on an article need: the store, the queue, and the instance's limits. */
export interface ArticleCommandsDeps {
  readonly store: Store;
  readonly dispatcher: TranslationDispatcher;
  readonly logger: Logger;
  /** Whether the queue can take work now; when not, a retry answers 503 before storing anything. */
  readonly queueAvailable: () => boolean;
  /** The languages served (`LANGUAGES`, default all six). */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** Largest edit in characters once cleaned (MAX_ARTICLE_CHARS). */
  readonly maxArticleChars?: number | undefined;
  /** Called after an article's published content changed (feeds refresh). */
  readonly onChange?: ((articleId: string) => void) | undefined;
  /** Teaches the translation memory each correction and approval; nothing is taught without it. */
  readonly teacher?: Pick<MemoryTeacher, 'editOrigins' | 'teachSoon'> | undefined;
}

/** Who asks, and the request id their logs carry. */
export interface Caller {
  readonly key: ApiKey;
  readonly requestId?: string | undefined;
}

/** The editor's and the publisher's commands on an article, as the API and the desk both run them. */
export interface ArticleCommands {
  /** An editor's correction goes live (`PUT /v1/articles/{id}/{lang}`). */
  edit(
    caller: Caller,
    id: string,
    language: LanguageCode,
    input: TranslationEditInput,
  ): Promise<Translation>;
  /** A held draft goes live, as it is or with an edit (`POST …/{lang}/approve`). */
  approve(
    caller: Caller,
    id: string,
    language: LanguageCode,
    input?: TranslationEditInput,
  ): Promise<Translation>;
  /** A fresh machine translation of some languages, or of all (`POST …/retry`). */
  retry(
    caller: Caller,
    id: string,
    languages?: readonly LanguageCode[],
    options?: { readonly includePublished?: boolean },
  ): Promise<readonly RetryOutcome[]>;
  /** The article leaves every page and feed (`DELETE /v1/articles/{id}`). */
  retract(caller: Caller, id: string): Promise<Article>;
}

/**
 * The one write path for approving, correcting, retrying and retracting: the API's routes and
 * the desk's forms both call these, so every guarantee of the store and the queue holds for
 * both. Each command checks the caller's role and, for publishers, that the article is theirs.
 *
 * @example
 * const commands = articleCommands({ store, dispatcher, logger, queueAvailable });
 * await commands.approve({ key }, id, 'de');
 */
export function articleCommands(deps: ArticleCommandsDeps): ArticleCommands {
  const { store } = deps;
  const served = deps.languages ?? LANGUAGE_CODES;
  const maxArticleChars = deps.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;

  const assertServed = (language: LanguageCode, verb: 'edited' | 'translated') => {
    if (!served.includes(language)) {
      throw new ProblemError('not-found', {
        key: verb === 'edited' ? 'language-not-edited' : 'language-not-translated',
        fields: { lang: language, languages: served.join(', ') },
      });
    }
  };
  /**
   * The editor's text cleaned, and where the segments of the version it makes come from (the
   * editor, by source sentence). What the editor left out keeps the language's current value.
   */
  const cleaned = async (id: string, language: LanguageCode, input: TranslationEditInput) => {
    const article = await store.getArticle(id);
    const base = editBase(await store.getTranslation(id, language));
    const { edit, whole } = cleanEdit(input, base, article.content.image, maxArticleChars);
    return { edit, origins: await editOrigins(deps.teacher, article, language, whole) };
  };

  return {
    async edit(caller, id, language, input) {
      assertRole(caller.key, ['editor']);
      assertServed(language, 'edited');
      const { edit, origins } = await cleaned(id, language, input);
      const translation = await store.editTranslation(id, language, edit, caller.key.id, origins);
      deps.teacher?.teachSoon();
      deps.onChange?.(translation.articleId);
      return translation;
    },

    async approve(caller, id, language, input) {
      assertRole(caller.key, ['editor']);
      assertServed(language, 'edited');
      const cleanedEdit = input === undefined ? undefined : await cleaned(id, language, input);
      const translation = await store.approveTranslation(
        id,
        language,
        caller.key.id,
        cleanedEdit?.edit,
        cleanedEdit?.origins,
      );
      deps.teacher?.teachSoon();
      deps.onChange?.(translation.articleId);
      return translation;
    },

    async retry(caller, id, languages, options = {}) {
      assertRole(caller.key, ['publisher', 'editor']);
      const article = await store.getArticle(id);
      assertVisible(caller.key, article);
      const outside = languages?.find((l) => !served.includes(l));
      if (outside !== undefined) assertServed(outside, 'translated');
      if (!deps.queueAvailable()) {
        throw new ProblemError(
          'unavailable',
          { key: 'queue-unavailable' },
          { headers: { 'retry-after': '5' } },
        );
      }
      const outcomes = await store.retryTranslations(
        id,
        languages ?? served.filter((l) => l !== article.sourceLanguage),
        { includePublished: options.includePublished === true },
      );
      const requests = outcomes.flatMap((o) => (o.outcome === 'skipped' ? [] : [o.request]));
      // The requests are committed: if enqueueing fails now, the reconciler enqueues them.
      await deps.dispatcher
        .dispatch(requests, { requestId: caller.requestId })
        .catch((error: unknown) =>
          deps.logger.warn(
            { err: error, articleId: id, requestId: caller.requestId },
            'enqueue failed after commit; the reconciler will enqueue',
          ),
        );
      return outcomes;
    },

    async retract(caller, id) {
      assertRole(caller.key, ['publisher']);
      assertVisible(caller.key, await store.getArticle(id));
      const article = await store.retractArticle(id);
      deps.onChange?.(id);
      return article;
    },
  };
}

/**
 * Where each segment of an editor's version (a correction, an approval with an edit) comes
 * from: the editor, listed by the current source's blocks and sentences. `undefined` without a
 * teacher, or for the source language (which the store refuses to edit).
 *
 * @example
 * const origins = await editOrigins(teacher, article, 'es', edit);
 */
async function editOrigins(
  teacher: Pick<MemoryTeacher, 'editOrigins'> | undefined,
  article: Pick<Article, 'content' | 'sourceLanguage'>,
  language: LanguageCode,
  edit: ArticleContent,
): Promise<SegmentOrigins | undefined> {
  if (!teacher || article.sourceLanguage === language) return undefined;
  return teacher.editOrigins(article.content, edit, article.sourceLanguage, language);
}
