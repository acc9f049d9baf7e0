import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import {
  compressible,
  encodedEtag,
  negotiateEncoding,
  sameEntityTag,
} from '../middleware/compress-responses.ts';

/** A body with the validators a conditional GET compares. */
export interface Validated {
  readonly body: string;
  readonly etag: string;
  /** When the content last changed; a page made of several records has none. */
  readonly lastModified?: Date | undefined;
  readonly contentType: string;
}

/** A strong entity tag of a body: 32 characters of its SHA-256. */
export const entityTag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => sameEntityTag(tag, etag));
}

/**
 * Answers with the body, or `304 Not Modified` when the client's `If-None-Match` (or, only
 * without one, `If-Modified-Since`) shows it already has this version, in any coding.
 *
 * @example
 * return conditionalResponse(c, await syndication.feed('uk', 'atom'), 'public, max-age=60');
 */
export function conditionalResponse(c: Context, value: Validated, cacheControl: string): Response {
  const lastModified =
    value.lastModified && new Date(Math.floor(value.lastModified.getTime() / 1000) * 1000);
  const headers: Record<string, string> = {
    etag: value.etag,
    ...(lastModified ? { 'last-modified': lastModified.toUTCString() } : {}),
    'cache-control': cacheControl,
  };
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const since = ifModifiedSince ? Date.parse(ifModifiedSince) : Number.NaN;
  const notModified =
    ifNoneMatch !== undefined
      ? etagMatches(ifNoneMatch, value.etag)
      : lastModified !== undefined && !Number.isNaN(since) && lastModified.getTime() <= since;
  if (notModified) {
    // A 304 carries the tag of the representation the client would have been sent, which
    // compressResponses chooses for the 200 by the same rule.
    const encoding = compressible(value.contentType, Buffer.byteLength(value.body))
      ? negotiateEncoding(c.req.header('accept-encoding'))
      : undefined;
    return c.body(null, 304, {
      ...headers,
      etag: encodedEtag(value.etag, encoding),
      vary: 'Accept-Encoding',
    });
  }
  return c.body(value.body, 200, { ...headers, 'content-type': value.contentType });
}
