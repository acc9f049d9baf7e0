/** The outcome of announcing one topic to the hub. */
export interface WebSubPing {
  readonly topic: string;
  readonly ok: boolean;
  /** The hub's HTTP status, when it answered. */
  readonly status?: number | undefined;
  /** Why it failed, when it did. */
  readonly error?: string | undefined;
}

/** What {@link WebSubNotifier} needs. */
export interface WebSubNotifierOptions {
  /** The hub's publish endpoint. */
  readonly hubUrl: string;
  /** Injected for tests that run their own hub; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
  /** Per request; a slow hub must not hold up anything else for long. */
  readonly timeoutMs?: number;
}

/**
 * Tells a WebSub hub that feeds changed (`hub.mode=publish`, one POST per topic URL, since
 * the spec gives `hub.url` once per request), so subscribers fetch them at once.
 *
 * @example
 * const pings = await new WebSubNotifier({ hubUrl: 'https://hub.example.org/' }).publish([atomUrl]);
 */
export class WebSubNotifier {
  readonly hubUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: WebSubNotifierOptions) {
    this.hubUrl = options.hubUrl;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Announces every topic; never throws: each outcome says whether the hub took it. */
  publish(topics: readonly string[]): Promise<WebSubPing[]> {
    return Promise.all(topics.map((topic) => this.#ping(topic)));
  }

  async #ping(topic: string): Promise<WebSubPing> {
    try {
      const response = await this.#fetch(this.hubUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.body?.cancel();
      return { topic, ok: response.ok, status: response.status };
    } catch (error) {
      return { topic, ok: false, error: (error as Error).message };
    }
  }
}
