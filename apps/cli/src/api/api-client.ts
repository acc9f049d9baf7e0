import { CliError } from '../cli-error.ts';
import type { CliConfig } from '../config.ts';
import { ApiProblemError } from './api-problem-error.ts';
import { toProblem } from './problem.ts';

/** A successful answer: the status (201, 202, 200…) and the parsed JSON body. */
export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
}

/** The shape of an API key (`tdg_` and 43 characters), as the API checks it before looking it up. */
const KEY_SHAPE = /^tdg_[A-Za-z0-9_-]{43}$/;

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * Calls the Tidings API with the configured key, asking for the user's language (see
 * `localeLanguage`). An error answer throws an
 * {@link ApiProblemError}; an API that does not answer throws a {@link CliError} that says
 * where it looked and how to point elsewhere.
 *
 * @example
 * const api = new ApiClient(loadCliConfig());
 * const { body } = await api.request<ArticleView>('GET', `/v1/articles/${id}`);
 */
export class ApiClient {
  readonly url: string;
  readonly #key: string | undefined;
  readonly #keySource: CliConfig['keySource'];
  readonly #language: string | undefined;

  constructor(config: Pick<CliConfig, 'url' | 'key' | 'keySource' | 'language'>) {
    this.url = config.url;
    this.#key = config.key;
    this.#keySource = config.keySource;
    this.#language = config.language;
  }

  /** Sends one request; `body`, when given, is sent as JSON. */
  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          accept: 'application/json, application/problem+json',
          ...(this.#key ? { authorization: `Bearer ${this.#key}` } : {}),
          // Problems and reasons in the user's language (the API's English otherwise).
          ...(this.#language ? { 'accept-language': this.#language } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new CliError(`cannot reach the Tidings API at ${this.url} (${reason(error)})`, {
        lines: [
          '  Is it running? `npm start` starts it; --url or TIDINGS_URL points the CLI elsewhere.',
        ],
        cause: error,
      });
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const problem = toProblem(parsed) ?? {
        status: response.status,
        title: `HTTP ${response.status} ${response.statusText}`.trim(),
        detail: text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'the API sent no explanation',
      };
      throw new ApiProblemError(response.status, problem, this.#hints(response.status));
    }
    return { status: response.status, body: parsed as T };
  }

  #hints(status: number): string[] {
    // A 400 for a key that is no key at all (the API says the header is malformed) names its
    // source as a refused one does: the user may not know a stale TIDINGS_KEY is in force.
    const malformed = status === 400 && this.#key !== undefined && !KEY_SHAPE.test(this.#key);
    if (status !== 401 && status !== 403 && !malformed) return [];
    if (this.#keySource === 'none') {
      return [
        '  No API key: pass --key or set TIDINGS_KEY (the first admin key is in DATA_DIR/admin-key).',
      ];
    }
    return [`  The key came from ${this.#keySource}.`];
  }
}
