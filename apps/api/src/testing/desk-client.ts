import type { Hono } from 'hono';

/** A browser without a browser: cookies kept, forms posted as a same-origin page would. */
export interface DeskClient {
  /** The cookies held, by name. */
  readonly cookies: Map<string, string>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form; from the desk's own origin unless `headers` says otherwise. */
  post(
    path: string,
    form: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** The CSRF token of the forms on `path` (GET), as a page would carry it. */
  csrfToken(path?: string): Promise<string>;
  /** Signs in with `key` through the sign-in form; returns the answer. */
  signIn(key: string): Promise<Response>;
}

/**
 * A {@link DeskClient} over `app.request`, whose origin is `http://localhost`.
 *
 * @example
 * const desk = deskClient(h.app);
 * await desk.signIn(h.keys.editor);
 * const queue = await desk.get('/desk/');
 */
export function deskClient(app: Pick<Hono, 'request'>): DeskClient {
  const cookies = new Map<string, string>();
  const send = async (path: string, init: RequestInit & { headers: Record<string, string> }) => {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) init.headers.cookie = cookie;
    const res = await app.request(path, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  const client: DeskClient = {
    cookies,
    get: (path, headers = {}) => send(path, { headers }),
    post: (path, form, headers = {}) =>
      send(path, {
        method: 'POST',
        headers: {
          origin: 'http://localhost',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: new URLSearchParams(form).toString(),
      }),
    async csrfToken(path = '/desk/sign-in') {
      const html = await (await client.get(path)).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error(`no CSRF token on ${path}`);
      return token;
    },
    async signIn(key) {
      const token = await client.csrfToken('/desk/sign-in');
      return client.post('/desk/sign-in', { _csrf: token, key, next: '/desk/' });
    },
  };
  return client;
}
