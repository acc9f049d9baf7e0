import {
  isLanguageCode,
  LANGUAGE_CODES,
  type LanguageCode,
  type TranslationEditInput,
} from '@tidings/core';
import type { Store, Translation } from '@tidings/store';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ProblemError } from '../problem.ts';
import type { ArticleCommands } from '../routes/article-commands.ts';
import { nothingToRetry } from '../store-problem.ts';
import { articleActionError, ChangedUnderEditorError } from './article-action-error.ts';
import { articleDeskView } from './article-desk-view.ts';
import { editFromForm, type TypedCorrection, typedCorrection } from './article-edit-input.ts';
import { type ArticleNotice, articlePage, retractConfirmPage } from './article-page.ts';
import type { ArticleRenderContext } from './article-render-context.ts';
import type { DeskEnv } from './desk-env.ts';
import { requireDeskSession } from './require-desk-session.ts';
import { versionFingerprint } from './version-fingerprint.ts';

/** What the article page's routes need. */
export interface ArticleDeskRoutesDeps {
  readonly store: Store;
  /** The write path the API's routes use too. */
  readonly commands: ArticleCommands;
  /** The languages served (`LANGUAGES`). */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** Puts a page's content in the desk's frame. */
  readonly render: (
    c: Context<DeskEnv>,
    page: { title: string; content: HtmlEscapedString | Promise<HtmlEscapedString> },
    status?: 200 | 403 | 404 | 409 | 413 | 422 | 503,
  ) => Response | Promise<Response>;
}

const DONE = [
  'approved',
  'edited',
  'published',
  'tookDraft',
  'retried',
  'retriedAll',
  'retracted',
] as const;
type Done = (typeof DONE)[number];

/**
 * The desk's article page, `/articles/{id}` under `/desk`, and its actions (approve, correct,
 * take the fresh draft, retry one language or all, retract after confirming), every one through
 * the API's own write path ({@link ArticleCommands}). An action that cannot be done answers the
 * page again with a message saying why, never an error page; a publisher's session cannot open
 * another publisher's article (404, as the API).
 *
 * @example
 * desk.route('/articles', articleDeskRoutes({ store, commands, render }));
 */
export function articleDeskRoutes(deps: ArticleDeskRoutesDeps): Hono<DeskEnv> {
  const { store, commands } = deps;
  const served = deps.languages ?? LANGUAGE_CODES;
  const app = new Hono<DeskEnv>();
  // Any signed-in key may open a page; what it may do is checked by the write path, by role.
  app.use(requireDeskSession());

  const context = (c: Context<DeskEnv>, id: string): ArticleRenderContext => ({
    t: c.var.t,
    language: c.var.language,
    csrfToken: c.var.csrfToken,
    key: c.var.key,
    path: `/desk/articles/${encodeURIComponent(id)}`,
  });

  const chosenOf = (values: readonly string[]) =>
    values.flatMap((v) => v.split(',')).filter((v): v is LanguageCode => isLanguageCode(v));

  const page = async (
    c: Context<DeskEnv>,
    id: string,
    chosen: readonly LanguageCode[],
    options: {
      editing?: LanguageCode | undefined;
      typed?: TypedCorrection | undefined;
      notice?: ArticleNotice | undefined;
      status?: 200 | 403 | 404 | 409 | 413 | 422 | 503;
    } = {},
  ) => {
    const ctx = context(c, id);
    try {
      const view = await articleDeskView(store, c.var.key, id, chosen, served);
      return deps.render(
        c,
        { title: view.article.content.title, content: articlePage(ctx, view, options) },
        options.status ?? 200,
      );
    } catch (error) {
      const problem = articleActionError(error, c.var.language);
      if (problem?.code !== 'notFound') throw error;
      const title = c.var.t('desk:article.error.notFound');
      return deps.render(c, { title, content: notFoundContent(ctx, title) }, 404);
    }
  };

  app.get('/:id', (c) => {
    const edit = c.req.query('edit');
    const done = c.req.query('done') as Done | undefined;
    const notice: ArticleNotice | undefined =
      done && DONE.includes(done)
        ? { kind: 'done', title: c.var.t(`desk:article.done.${done}`) }
        : undefined;
    return page(c, c.req.param('id'), chosenOf(c.req.queries('lang') ?? []), {
      editing: edit && isLanguageCode(edit) ? edit : undefined,
      notice,
    });
  });

  app.get('/:id/retract', async (c) => {
    const id = c.req.param('id');
    const ctx = context(c, id);
    try {
      const view = await articleDeskView(store, c.var.key, id, [], served);
      const title = c.var.t('desk:article.retract.heading');
      return deps.render(c, {
        title,
        content: retractConfirmPage(ctx, view.article.content.title),
      });
    } catch (error) {
      if (articleActionError(error, c.var.language)?.code !== 'notFound') throw error;
      return page(c, id, []);
    }
  });

  /** Runs an action; on success back to the page (303) saying what was done, else the page with why not. */
  const act = async (
    c: Context<DeskEnv>,
    shown: readonly LanguageCode[],
    run: (form: Record<string, unknown>) => Promise<Done>,
    editing?: LanguageCode,
  ) => {
    const id = c.req.param('id') ?? '';
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const chosen = [
      ...new Set([...shown, ...chosenOf(typeof form.shown === 'string' ? [form.shown] : [])]),
    ];
    try {
      const done = await run(form);
      const query = new URLSearchParams([
        ...chosen.map((l): [string, string] => ['lang', l]),
        ['done', done],
      ]);
      return c.redirect(`/desk/articles/${encodeURIComponent(id)}?${query}`, 303);
    } catch (error) {
      const problem = articleActionError(error, c.var.language);
      if (!problem) throw error;
      const notice: ArticleNotice = {
        kind: 'error',
        title: c.var.t(`desk:article.error.${problem.code}`),
        detail: problem.detail,
      };
      // A refused correction comes back in the editor as it was typed: refused for what it
      // holds, or because the version changed meanwhile (shown beside it as it is now).
      const refused =
        editing &&
        (problem.code === 'invalid' || problem.code === 'tooLarge' || problem.code === 'changed');
      return page(c, id, chosen, {
        notice,
        status: problem.status,
        editing: refused ? editing : undefined,
        typed: refused ? typedCorrection(form) : undefined,
      });
    }
  };

  const languageOf = (c: Context<DeskEnv>): LanguageCode => {
    const lang = c.req.param('lang') ?? '';
    if (!isLanguageCode(lang))
      throw new ProblemError('not-found', { key: 'language-unknown-short', fields: { lang } });
    return lang;
  };

  /** The language as the editor saw it, or a conflict when it changed since. */
  const seen = async (
    c: Context<DeskEnv>,
    language: LanguageCode,
    form: Record<string, unknown>,
  ) => {
    const id = c.req.param('id') ?? '';
    await articleDeskView(store, c.var.key, id, [], served);
    const translation = await store.getTranslation(id, language);
    if (typeof form.seen === 'string' && form.seen !== versionFingerprint(translation)) {
      throw new ChangedUnderEditorError({
        key: 'version-changed',
        fields: { lang: language, status: translation.status, revision: translation.revision },
      });
    }
    return translation;
  };

  const caller = (c: Context<DeskEnv>) => ({ key: c.var.key, requestId: c.var.requestId });

  app.post('/:id/:lang/approve', async (c) => {
    const language = languageOf(c);
    return act(c, [language], async (form) => {
      await seen(c, language, form);
      await commands.approve(caller(c), c.req.param('id'), language);
      return 'approved';
    });
  });

  app.post('/:id/:lang/edit', async (c) => {
    const language = languageOf(c);
    return act(
      c,
      [language],
      async (form) => {
        const current = await seen(c, language, form);
        const input = editFromForm(form, c.var.language);
        if (current.status === 'needs_review') {
          await commands.approve(caller(c), c.req.param('id'), language, input);
          return 'published';
        }
        await commands.edit(caller(c), c.req.param('id'), language, input);
        return 'edited';
      },
      language,
    );
  });

  app.post('/:id/:lang/take-draft', async (c) => {
    const language = languageOf(c);
    return act(c, [language], async (form) => {
      const current = await seen(c, language, form);
      if (current.status !== 'stale' || !current.draft) {
        throw new ChangedUnderEditorError({ key: 'no-fresh-draft', fields: { lang: language } });
      }
      await commands.edit(caller(c), c.req.param('id'), language, draftAsEdit(current));
      return 'tookDraft';
    });
  });

  app.post('/:id/:lang/retry', async (c) => {
    const language = languageOf(c);
    return act(c, [language], async () => {
      const [outcome] = await commands.retry(caller(c), c.req.param('id'), [language]);
      if (outcome?.outcome === 'skipped') {
        throw nothingToRetry(outcome);
      }
      return 'retried';
    });
  });

  app.post('/:id/retry', async (c) =>
    act(c, [], async () => {
      await commands.retry(caller(c), c.req.param('id'));
      return 'retriedAll';
    }),
  );

  app.post('/:id/retract', async (c) =>
    act(c, [], async () => {
      await commands.retract(caller(c), c.req.param('id'));
      return 'retracted';
    }),
  );

  return app;
}

function draftAsEdit(translation: Translation): TranslationEditInput {
  const draft = translation.draft;
  if (!draft) throw new Error('No draft');
  return {
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    categories: [...draft.categories],
    ...(draft.image ? { imageAlt: draft.image.alt } : {}),
  };
}

function notFoundContent(ctx: ArticleRenderContext, title: string) {
  return html`<h1>${title}</h1><p>${ctx.t('desk:article.notFoundText')}</p><p><a href="/desk/">${ctx.t('desk:article.back')}</a></p>`;
}
