import type { LanguageCode } from '@tidings/core';
import type { translatorFor } from '@tidings/i18n';
import type { ApiKey } from '@tidings/store';
import type { ApiEnv } from '../env.ts';

/** A signed-in editor's (or publisher's, or admin's) desk session. */
export interface DeskSession {
  /** The key signed in with, as the store has it now (checked on every request). */
  readonly key: ApiKey;
  /** When the session ends (`DESK_SESSION_TTL` after signing in). */
  readonly expiresAt: Date;
}

/**
 * The Hono environment of every desk route: the API's, plus the interface language and its
 * `t`, the CSRF token for forms and, once signed in, the session (and its key as `key`, so the
 * API's helpers such as `assertVisible(c.var.key, article)` work unchanged).
 *
 * @example
 * const desk = new Hono<DeskEnv>();
 * desk.get('/x', requireDeskSession(), (c) => c.text(c.var.t('desk:nav.queue')));
 */
export interface DeskEnv {
  Variables: ApiEnv['Variables'] & {
    language: LanguageCode;
    t: ReturnType<typeof translatorFor>;
    csrfToken: string;
    deskSession: DeskSession | undefined;
  };
}
