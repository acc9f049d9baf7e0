const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Why a host could not be reached, when `error` (or one of its causes) is a network failure
 * rather than an answer: `ENOTFOUND huggingface.co`, `timed out`…; else `undefined`.
 *
 * @example
 * await fetch(url).catch((e) => networkFailure(e)); // 'getaddrinfo ENOTFOUND huggingface.co'
 */
export function networkFailure(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) {
      return typeof e.message === 'string' && e.message ? e.message : e.code;
    }
    if (e.name === 'TimeoutError') return 'no answer in time';
    current = e.cause;
  }
  const message = (error as Error | undefined)?.message ?? '';
  if (!/fetch failed|network|socket hang up/i.test(message)) return undefined;
  // undici's "fetch failed" says nothing; its cause ("bad port", …) does.
  const cause = (error as { cause?: { message?: unknown } }).cause?.message;
  return typeof cause === 'string' && cause ? cause : message;
}
