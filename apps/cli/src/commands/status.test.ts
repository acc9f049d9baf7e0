import { describe, expect, it } from 'vitest';
import type { ArticleView, LanguageView } from '../api/views.ts';
import { statusTable } from './status.ts';

const state = (status: LanguageView['status'], more: Partial<LanguageView> = {}): LanguageView => ({
  status,
  revision: 1,
  contentRevision: null,
  model: 'Xenova/opus-mt-en-de',
  reason: null,
  editedBy: null,
  queuedAt: null,
  startedAt: null,
  finishedAt: null,
  publishedAt: null,
  updatedAt: null,
  links: { self: '', page: '' },
  ...more,
});

const key = (name: string) => ({ id: `f3b1c2d4-0000-4000-8000-00000000000${name.length}`, name });

describe('tidings status', () => {
  it('names who edited and who approved each language by its key name', () => {
    const desk = key('German desk');
    const chief = key('Chief');
    const table = statusTable({
      id: 'a1',
      slug: 'jef',
      externalId: null,
      sourceLanguage: 'en',
      revision: 1,
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '',
      retractedAt: null,
      content: { title: 'Ukraine joins the JEF', summary: '', body: '', categories: [] },
      languages: {
        en: state('published'),
        de: state('edited', {
          editedBy: desk.id,
          editor: desk,
          approvedBy: chief.id,
          approver: chief,
        }),
        fr: state('published', { approvedBy: chief.id, approver: chief }),
      },
      links: { self: '' },
    } satisfies ArticleView);
    expect(table).toMatch(/^de .*edited by “German desk”, approved by “Chief”$/m);
    expect(table).toMatch(/^fr .*approved by “Chief”$/m);
    expect(table).not.toContain('f3b1c2d4');
  });
});
