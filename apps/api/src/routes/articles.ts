import {
  type ArticleContent,
  type ArticleSubmissionInput,
  articleSubmissionSchema,
  cleanArticleContent,
  DEFAULT_MAX_ARTICLE_CHARS,
  LANGUAGE_CODES,
  type LanguageCode,
  type Logger,
  translationEditSchema,
} from '@tidings/core';
import type { ArticleWrite, Store } from '@tidings/store';
import { detectArticleLanguage, LanguageDetectionError } from '@tidings/translator/detect';
import { type Context, Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TranslationDispatcher } from '../dispatch/translation-dispatcher.ts';
import type { ApiEnv } from '../env.ts';
import { fieldProblem } from '../field-problem.ts';
import { authenticate } from '../middleware/auth.ts';
import { readJson } from '../middleware/json-body.ts';
import { ProblemError } from '../problem.ts';
import { assertVisible, languageParam, servedLanguageParam } from './article-access.ts';
import type { ArticleCommands } from './article-commands.ts';
import { articleAnswer, translationAnswer } from './article-view.ts';
import { assertArticleSize, assertBodyHasText } from './clean-edit.ts';

/** What the article routes need. */
export interface ArticleRoutesDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly dispatcher: TranslationDispatcher;
  readonly publicUrl: string;
  /** Whether the queue can take work now; when not, writes answer 503 before storing anything. */
  readonly queueAvailable: () => boolean;
  /** How sure language detection must be (LANGUAGE_DETECTION_THRESHOLD); its default when absent. */
  readonly languageDetectionThreshold?: number | undefined;
  /** The languages served (`LANGUAGES`); default all six. A post in another one is a 422. */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** Per-key request budget; none when absent. */
  readonly limiter?: RateLimiterAbstract | undefined;
  /** Called after an article's published content changed (feeds refresh). */
  readonly onChange?: (articleId: string) => void;
  /** Largest article in characters once cleaned (MAX_ARTICLE_CHARS), as the workers take it. */
  readonly maxArticleChars?: number | undefined;
  /** The write path shared with the desk (corrections and retractions). */
  readonly commands: ArticleCommands;
}

function toContent(input: ArticleSubmissionInput, maxArticleChars: number): ArticleContent {
  const content = cleanArticleContent(input);
  assertBodyHasText(content);
  assertArticleSize(content, maxArticleChars);
  return content;
}

/**
 * The language an article is written in, judged from its title, summary and the text of its
 * body (never its markup), or a 422 asking the publisher to give it: an article is refused
 * rather than translated from a guess. The 422 says why by code (`language-too-short`;
 * `language-none` when no paragraph reads as any of the six, naming the `served` ones
 * (LANGUAGES); or `language-uncertain` with the best guess and its confidence), in the
 * reader's language.
 *
 * @example
 * detectLanguageOrProblem({ title: 'Ley', summary: '', body: '<p>El ministro dijo que…</p>', categories: [] }, LANGUAGE_CODES); // 'es'
 */
function detectLanguageOrProblem(
  content: ArticleContent,
  served: readonly LanguageCode[],
  threshold?: number,
): LanguageCode {
  try {
    return detectArticleLanguage(content, { threshold }).language;
  } catch (error) {
    if (!(error instanceof LanguageDetectionError)) throw error;
    throw new ProblemError(
      'validation',
      error.code === 'too_short'
        ? { key: 'language-too-short' }
        : error.guess === undefined
          ? { key: 'language-none', fields: { languages: served.join(', ') } }
          : {
              key: 'language-uncertain',
              fields: { guess: error.guess, confidence: error.confidence.toFixed(2) },
            },
      { errors: [fieldProblem('language', 'language-undetected')] },
    );
  }
}

/**
 * `/v1/articles`: publish, revise, read, correct and retract articles.
 *
 * @example
 * app.route('/v1/articles', articleRoutes({ store, logger, dispatcher, publicUrl, queueAvailable, commands }));
 */
export function articleRoutes(deps: ArticleRoutesDeps): Hono<ApiEnv> {
  const { store, dispatcher } = deps;
  const maxArticleChars = deps.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  const languages = deps.languages ?? LANGUAGE_CODES;
  const app = new Hono<ApiEnv>();
  const publisher = authenticate(store, ['publisher'], deps.limiter);
  const reader = authenticate(store, ['publisher', 'editor'], deps.limiter);
  const editor = authenticate(store, ['editor'], deps.limiter);

  const requireQueue = () => {
    if (!deps.queueAvailable()) {
      throw new ProblemError(
        'unavailable',
        { key: 'queue-unavailable' },
        {
          headers: { 'retry-after': '5' },
        },
      );
    }
  };

  // The outbox is committed with the article: the answer does not wait for the jobs, which
  // go to Redis with those of the other requests answered meanwhile. If enqueueing fails,
  // or the process stops first, the reconciler enqueues them.
  const dispatch = (c: Context<ApiEnv>, write: ArticleWrite) =>
    dispatcher.enqueue(write.requests, { requestId: c.var.requestId, article: write.article });

  app.post('/', publisher, async (c) => {
    const input = await readJson(c, articleSubmissionSchema);
    requireQueue();
    const content = toContent(input, maxArticleChars);
    const sourceLanguage =
      input.language ??
      detectLanguageOrProblem(content, languages, deps.languageDetectionThreshold);
    if (!languages.includes(sourceLanguage)) {
      throw new ProblemError(
        'validation',
        {
          key: input.language ? 'article-language-not-served' : 'detected-language-not-served',
          fields: { lang: sourceLanguage, languages: languages.join(', ') },
        },
        {
          errors: [
            fieldProblem('language', 'language-served', { languages: languages.join(', ') }),
          ],
        },
      );
    }
    const write = await store.createArticle({
      publisherKeyId: c.var.key.id,
      externalId: input.externalId,
      sourceLanguage,
      slug: input.slug,
      content,
      languages,
    });
    dispatch(c, write);
    if (write.revised) deps.onChange?.(write.article.id);
    const view = await articleAnswer(c, deps, write.article);
    c.header('location', view.links.self);
    return c.json(view, write.created ? 201 : write.revised ? 202 : 200);
  });

  app.get('/:id', reader, async (c) => {
    const article = await store.getArticle(c.req.param('id'));
    assertVisible(c.var.key, article);
    return c.json(await articleAnswer(c, deps, article));
  });

  app.put('/:id', publisher, async (c) => {
    const input = await readJson(c, articleSubmissionSchema);
    requireQueue();
    const id = c.req.param('id');
    const current = await store.getArticle(id);
    assertVisible(c.var.key, current);
    if (input.language && input.language !== current.sourceLanguage) {
      throw new ProblemError(
        'validation',
        { key: 'revision-language-changed', fields: { lang: current.sourceLanguage } },
        { errors: [fieldProblem('language', 'language-same', { lang: current.sourceLanguage })] },
      );
    }
    const write = await store.reviseArticle(
      id,
      toContent(input, maxArticleChars),
      c.var.key.id,
      languages,
    );
    dispatch(c, write);
    if (write.revised) deps.onChange?.(id);
    return c.json(await articleAnswer(c, deps, write.article), write.revised ? 202 : 200);
  });

  app.delete('/:id', publisher, async (c) => {
    const article = await deps.commands.retract(
      { key: c.var.key, requestId: c.var.requestId },
      c.req.param('id'),
    );
    return c.json(await articleAnswer(c, deps, article));
  });

  app.get('/:id/:lang', reader, async (c) => {
    const id = c.req.param('id');
    assertVisible(c.var.key, await store.getArticle(id));
    const translation = await store.getTranslation(id, languageParam(c));
    c.header('Vary', 'Accept-Language', { append: true });
    return c.json(await translationAnswer(c, deps, translation));
  });

  app.put('/:id/:lang', editor, async (c) => {
    const language = servedLanguageParam(c, languages);
    const input = await readJson(c, translationEditSchema);
    const translation = await deps.commands.edit(
      { key: c.var.key, requestId: c.var.requestId },
      c.req.param('id'),
      language,
      input,
    );
    return c.json(await translationAnswer(c, deps, translation));
  });

  return app;
}
