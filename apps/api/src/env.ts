import type { ApiKey } from '@tidings/store';
import type { RequestIdVariables } from 'hono/request-id';

/**
 * The Hono environment of every route: the request id and, behind `authenticate`, the key.
 *
 * @example
 * const app = new Hono<ApiEnv>();
 */
export interface ApiEnv {
  /** `publicUrl`: the site's base (PUBLIC_URL), when the app has one; problem types use it. */
  Variables: RequestIdVariables & { key: ApiKey; publicUrl: string };
}
