import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DeskEnv } from './desk-env.ts';
import { type DeskSection, deskLayout } from './desk-layout.ts';

/** A desk page's own parts; the rest comes from the request's context. */
export interface DeskPageInput {
  readonly title: string;
  readonly current?: DeskSection | undefined;
  readonly content: HtmlEscapedString | Promise<HtmlEscapedString>;
  /** 200 unless told. */
  readonly status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503 | undefined;
}

/**
 * Answers with a desk page in {@link deskLayout}, taking `t`, the language, the session and
 * the CSRF token from the context; never cached, since it shows one editor's view.
 *
 * @example
 * desk.get('/glossary', requireDeskSession(), (c) => deskPage(c, { title, current: 'glossary', content }));
 */
export function deskPage(c: Context<DeskEnv>, input: DeskPageInput) {
  const url = new URL(c.req.url);
  c.header('cache-control', 'no-store');
  return c.html(
    deskLayout({
      t: c.var.t,
      language: c.var.language,
      title: input.title,
      session: c.var.deskSession,
      csrfToken: c.var.csrfToken,
      path: `${url.pathname}${url.search}`,
      current: input.current,
      content: input.content,
    }),
    input.status ?? 200,
  );
}
