import type { TranslationStatus } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import type { ArticleView, LanguageView } from '../api/views.ts';
import { LanguageProgress } from './language-progress.ts';

const state = (status: TranslationStatus, model: string | null = null): LanguageView => ({
  status,
  revision: 1,
  contentRevision: status === 'published' ? 1 : null,
  model,
  reason: null,
  editedBy: null,
  queuedAt: '2026-11-22T20:00:00.000Z',
  startedAt: status === 'queued' ? null : '2026-11-22T20:00:01.000Z',
  finishedAt: status === 'published' ? '2026-11-22T20:00:03.500Z' : null,
  publishedAt: null,
  updatedAt: null,
  links: { self: '', page: '' },
});

function article(es: TranslationStatus, de: TranslationStatus): ArticleView {
  return {
    id: 'a1',
    slug: 'kyiv',
    externalId: null,
    sourceLanguage: 'en',
    revision: 1,
    createdAt: '',
    updatedAt: '',
    retractedAt: null,
    content: { title: 'Kyiv', summary: '', body: '<p>Kyiv</p>', categories: [] },
    languages: {
      en: state('published'),
      es: state(es, es === 'published' ? 'Xenova/opus-mt-en-es' : null),
      de: state(de),
      fr: state('queued'),
      it: state('queued'),
      uk: state('queued'),
    },
    links: { self: '' },
  };
}

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('LanguageProgress', () => {
  it('prints a new line only when a language changes status, when not a terminal', () => {
    const { chunks, stream } = recorder(false);
    const progress = new LanguageProgress(stream);
    progress.update(article('translating', 'queued'));
    progress.update(article('translating', 'queued'));
    progress.update(article('published', 'translating'));
    expect(chunks.join('')).toBe(
      [
        '… es  Spanish    translating',
        '· de  German     queued',
        '· fr  French     queued',
        '· it  Italian    queued',
        '· uk  Ukrainian  queued',
        '✓ es  Spanish    published     Xenova/opus-mt-en-es  2.5 s',
        '… de  German     translating',
        '',
      ].join('\n'),
    );
  });

  it('redraws one line per language in place in a terminal, when something changed', () => {
    const { chunks, stream } = recorder(true);
    const progress = new LanguageProgress(stream);
    progress.update(article('translating', 'queued'));
    progress.update(article('translating', 'queued'));
    progress.update(article('published', 'translating'));
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.startsWith('\x1b[2KKyiv (en, a1)\n')).toBe(true);
    // The second drawing moves up over the seven lines of the first, then rewrites them.
    expect(chunks[1]?.startsWith('\x1b[7F\x1b[2KKyiv (en, a1)\n')).toBe(true);
    expect(chunks[1]).toContain(
      '\x1b[2K✓ es  Spanish    published     Xenova/opus-mt-en-es  2.5 s\n',
    );
    expect(chunks[1]).toContain('\x1b[2K  en  English    source\n');
  });
});
