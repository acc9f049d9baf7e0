import { describe, expect, it } from 'vitest';
import type { ListingView } from '../api/views.ts';
import { listingTable, listRequest } from './list.ts';

const page: ListingView = {
  items: [
    {
      id: '3e1add99-03f3-46a7-91af-3c999fd9bd46',
      slug: 'ukraine-joins-the-jef',
      title: 'Ukraine joins the JEF',
      sourceLanguage: 'en',
      revision: 1,
      createdAt: '2026-12-01T17:15:37.066Z',
      updatedAt: '2026-12-01T17:15:37.066Z',
      languages: { es: { status: 'needs_review' }, de: { status: 'published' } },
    },
  ] as unknown as ListingView['items'],
  counts: { needs_review: 1, published: 1 },
  nextCursor: 'MjAyNnw3',
};

describe('tidings list output', () => {
  it('says the command for the next page with the same filters, quoted for the shell', () => {
    const text = listingTable(page, ['--status', 'needs_review', '--search', "Kyiv's port"]);
    expect(text.split('\n')[0]).toBe('1 published · 1 needs_review');
    expect(text).toMatch(
      /^3e1add99-\S+ +2026-12-01 17:15Z +en +Ukraine joins the JEF +es needs_review$/m,
    );
    expect(text).toContain(
      "More: tidings list --status needs_review --search 'Kyiv'\\''s port' --cursor MjAyNnw3",
    );
    expect(listingTable({ ...page, nextCursor: null })).not.toContain('More:');
  });

  it('pages on the server it listed (--url), never printing the key, with the query’s filters', () => {
    const { query, flags } = listRequest({
      url: 'https://news.example.org',
      key: 'tdg_secret',
      status: 'needs_review',
      search: 'Kyiv port',
      limit: 50,
      cursor: 'MjAyNnw3',
    });
    expect(query.toString()).toBe('status=needs_review&q=Kyiv+port&limit=50&cursor=MjAyNnw3');
    expect(flags).toEqual([
      '--status',
      'needs_review',
      '--search',
      'Kyiv port',
      '--limit',
      '50',
      '--url',
      'https://news.example.org',
    ]);
    expect(listingTable(page, flags)).toContain(
      "More: tidings list --status needs_review --search 'Kyiv port' --limit 50 --url https://news.example.org --cursor MjAyNnw3",
    );
    expect(listingTable(page, flags)).not.toContain('tdg_secret');
    // Nor a password in the address.
    const behindAuth = listRequest({ url: 'https://desk:s3cret@news.example.org/', limit: 20 });
    expect(behindAuth.flags).toEqual(['--url', 'https://desk@news.example.org/']);
    // No --url given: the next page goes where this one did (TIDINGS_URL, …); the default limit
    // is asked for but not repeated.
    const plain = listRequest({ language: 'de', limit: 20 });
    expect(plain.query.toString()).toBe('language=de&limit=20');
    expect(plain.flags).toEqual(['--language', 'de']);
  });
});
