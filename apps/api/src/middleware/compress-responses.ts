import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/** A content coding the API answers with. */
export type ResponseEncoding = 'br' | 'gzip';

const THRESHOLD_BYTES = 1024;

const compressors: Record<ResponseEncoding, (body: Uint8Array) => Promise<Buffer>> = {
  // Quality 5 rather than brotli's default 11: pages and feeds are compressed per request, and
  // 11 costs seconds on a large feed for a few percent.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => promisify(gzip)(body),
};

/**
 * The coding to answer with, from `Accept-Encoding`: brotli, else gzip, whichever the client
 * rates higher (`q`), none when it accepts neither.
 *
 * @example
 * negotiateEncoding('gzip, deflate, br'); // 'br'
 */
export function negotiateEncoding(header: string | undefined): ResponseEncoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(coding.trim(), weight === undefined ? 1 : Number(weight));
  }
  const rate = (coding: ResponseEncoding) => q.get(coding) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce((a, b) => (rate(b) > rate(a) ? b : a));
  return rate(best) > 0 ? best : undefined;
}

/**
 * Whether a body of this type and size is sent compressed; the same rule decides the ETag of
 * a `304`, which has no body to look at.
 */
export function compressible(contentType: string | null, bytes: number): boolean {
  return (
    bytes >= THRESHOLD_BYTES && !!contentType && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType)
  );
}

/**
 * The ETag of one encoded representation: the coding is added inside the quotes
 * (`"abc"` becomes `"abc-br"`), so a cache never takes the brotli bytes for the gzip ones,
 * and {@link sameEntityTag} still recognizes the tag in `If-None-Match`.
 *
 * @example
 * encodedEtag('"abc"', 'br'); // '"abc-br"'
 */
export function encodedEtag(etag: string, encoding: ResponseEncoding | undefined): string {
  return encoding ? etag.replace(/"$/, `-${encoding}"`) : etag;
}

/**
 * Whether a tag from `If-None-Match` names the entity `etag`, whatever coding it was sent in
 * and whether a proxy weakened it (RFC 9110 §13.1.2's weak comparison).
 *
 * @example
 * sameEntityTag('W/"abc-gzip"', '"abc"'); // true
 */
export function sameEntityTag(candidate: string, etag: string): boolean {
  return (
    candidate
      .trim()
      .replace(/^W\//, '')
      .replace(/-(br|gzip)"$/, '"') === etag
  );
}

/**
 * Compresses pages, feeds and other text answers of 1 KiB or more with brotli or gzip, as the
 * client accepts (Hono's own `compress` knows no brotli); adds `Vary: Accept-Encoding` and
 * gives each coding its own ETag. The work runs on libuv's thread pool, not the event loop.
 * A HEAD is answered with the same header fields (Hono runs it as a GET and drops the body), so
 * its ETag and length are those a GET would send.
 *
 * @example
 * app.use(compressResponses());
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      res.status !== 200 ||
      !res.body ||
      res.headers.has('content-encoding') ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '')
    ) {
      return;
    }
    const type = res.headers.get('content-type');
    if (!compressible(type, Number(res.headers.get('content-length') ?? THRESHOLD_BYTES))) return;
    const vary = res.headers.get('vary');
    if (!vary?.toLowerCase().includes('accept-encoding')) {
      c.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const encoding = negotiateEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    if (!compressible(type, body.byteLength)) {
      c.res = new Response(body, c.res);
      return;
    }
    const compressed = await compressors[encoding](body);
    const etag = c.res.headers.get('etag');
    // Hono copies the old response's headers onto a new one: they are changed after.
    c.res = new Response(compressed, c.res);
    c.res.headers.set('content-encoding', encoding);
    c.res.headers.set('content-length', String(compressed.byteLength));
    if (etag) c.res.headers.set('etag', encodedEtag(etag, encoding));
  };
}
