import { describe, expect, it } from 'vitest';
import type { ListingView } from '../api/views.ts';
import { listingTable } from './list.ts';

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
});
