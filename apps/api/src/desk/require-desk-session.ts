import type { ApiKeyRole } from '@tidings/store';
import { createMiddleware } from 'hono/factory';
import { html } from 'hono/html';
import { roleAllows } from '../middleware/auth.ts';
import type { DeskEnv } from './desk-env.ts';
import { deskPage } from './desk-page.ts';

/**
 * Lets a request through only with a desk session (`c.var.deskSession`, `c.var.key`); without
 * one, sends the browser to sign in and come back (303). With `roles`, a key of another role
 * gets a 403 page (admin keys pass every role), as `authenticate` does for the API.
 *
 * @example
 * desk.get('/glossary', requireDeskSession(['editor']), handler);
 */
export function requireDeskSession(roles?: readonly ApiKeyRole[]) {
  return createMiddleware<DeskEnv>(async (c, next) => {
    const session = c.var.deskSession;
    if (!session) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/desk/';
      return c.redirect(`/desk/sign-in?next=${encodeURIComponent(back)}`, 303);
    }
    if (roles && !roleAllows(session.key.role, roles)) {
      const { t } = c.var;
      return deskPage(c, {
        title: t('desk:forbidden.title'),
        status: 403,
        content: html`<h1>${t('desk:forbidden.title')}</h1>
<p>${t('desk:forbidden.text', { role: t(`desk:role.${session.key.role}`) })}</p>
<p><a href="/desk/">${t('desk:refused.back')}</a></p>`,
      });
    }
    await next();
  });
}
