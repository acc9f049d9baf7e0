import { describe, expect, it } from 'vitest';
import type { ArticleView, LanguageView, TranslationView } from '../api/views.ts';
import { showText } from './show.ts';

const state = (status: LanguageView['status']): LanguageView => ({
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
});

const article: ArticleView = {
  id: 'a1',
  slug: 'jef',
  externalId: null,
  sourceLanguage: 'en',
  revision: 1,
  createdAt: '',
  updatedAt: '',
  retractedAt: null,
  content: {
    title: 'Ukraine joins the JEF',
    summary: 'Extended partner status.',
    body: '<p>Ukraine has been granted <b>extended</b> partner status.</p><ul><li>One</li><li>Two</li></ul>',
    categories: ['Defence'],
  },
  languages: { en: state('published'), de: state('needs_review') },
  links: { self: '' },
};

const held: TranslationView = {
  ...state('needs_review'),
  reason: 'a link was lost',
  articleId: 'a1',
  language: 'de',
  sourceLanguage: 'en',
  retractedAt: null,
  content: null,
  draft: {
    title: 'Ukraine tritt der JEF bei',
    summary: '',
    body: '<p>Die Ukraine hat den Status\u001b]0;pwned\u0007 erhalten.</p>',
    categories: [],
  },
};

describe('tidings show', () => {
  it('shows the state, the source, the draft and that nothing is published yet', () => {
    const text = showText(article, held);
    expect(text).toMatch(/^a1 · de · needs_review \(revision 1; model Xenova\/opus-mt-en-de\)$/m);
    expect(text).toMatch(/^Reason: a link was lost$/m);
    expect(text).toMatch(/^── Source \(en, revision 1\) ─+$/m);
    expect(text).toContain(
      'UKRAINE JOINS THE JEF\n\nExtended partner status.\n\nUkraine has been granted extended partner status.\n\n• One\n\n• Two',
    );
    expect(text).toMatch(/^── Draft awaiting review \(de\) ─+\nUKRAINE TRITT DER JEF BEI$/m);
    expect(text).toMatch(/^── Published \(de\) ─+\nNothing is published in this language yet\.$/m);
  });

  it('prints inline markup glued to a word as the stored text has it, without a space', () => {
    const text = showText(
      {
        ...article,
        content: {
          ...article.content,
          body: '<p>Die <strong>HIMARS</strong>-Lieferungen (<em>sic</em>) in «<a href="https://x.test">Kyiv</a>».<br>Zeile<img src="https://x.test/a.png" alt="">zwei</p>',
        },
      },
      held,
    );
    expect(text).toContain('Die HIMARS-Lieferungen (sic) in «Kyiv».\n\nZeile zwei');
  });

  it('says why with the API’s texts of its reasons when it gives them, not the English reason', () => {
    const text = showText(article, {
      ...held,
      status: 'failed',
      reason: 'Model Xenova/opus-mt-en-de is not available in /srv/models (not found).',
      reasons: [
        {
          code: 'model-unavailable',
          text: 'Das Modell Xenova/opus-mt-en-de ist in /srv/models nicht verfügbar',
        },
      ],
    });
    expect(text).toMatch(
      /^Reason: Das Modell Xenova\/opus-mt-en-de ist in \/srv\/models nicht verfügbar$/m,
    );
  });

  it('prints nothing a terminal would obey: control characters and bidi overrides are dropped', () => {
    const text = showText(article, {
      ...held,
      reason: 'odd\u202e\u001b[2J',
    });
    expect(text).not.toMatch(/\p{Cc}(?<!\n)/u);
    expect(text).not.toContain('\u202e');
    expect(text).toContain('Die Ukraine hat den Status]0;pwned erhalten.');
  });

  it("shows a stale version: the change of the source, the fresh machine draft and the editor's text", () => {
    const text = showText(article, {
      ...state('stale'),
      revision: 2,
      contentRevision: 1,
      editedBy: 'k1',
      articleId: 'a1',
      language: 'de',
      sourceLanguage: 'en',
      retractedAt: null,
      content: { title: 'Redigiert', summary: '', body: '<p>Text.</p>', categories: [] },
      draft: { title: 'Maschine', summary: '', body: '<p>Neu.</p>', categories: [] },
      sourceChange: {
        fromRevision: 1,
        toRevision: 2,
        changes: [
          { field: 'title', kind: 'changed', block: null, old: 'Old', new: 'New' },
          { field: 'body', kind: 'added', block: 2, old: null, new: 'A new paragraph.' },
        ],
      },
    });
    expect(text).toMatch(
      /^── Source changed since revision 1 \(now 2\) ─+\ntitle changed:\n {2}− Old\n {2}\+ New\nblock 3 added:\n {2}\+ A new paragraph\.$/m,
    );
    expect(text).toMatch(/^── Machine draft of revision 2 \(de\) ─+\nMASCHINE$/m);
    expect(text).toMatch(/edited by key k1/);
    expect(text).toMatch(/^── Published \(de, of revision 1\) ─+\nREDIGIERT\n\nText\.$/m);
    expect(text).not.toContain('Draft awaiting review');
    expect(text.indexOf('Source changed')).toBeLessThan(text.indexOf('Machine draft'));
  });

  it('says who edited and approved a version by the name of their key, not its id', () => {
    const text = showText(article, {
      ...held,
      status: 'edited',
      reason: null,
      editedBy: 'f3b1c2d4-0000-4000-8000-000000000001',
      editor: { id: 'f3b1c2d4-0000-4000-8000-000000000001', name: 'German desk\u001b[2J' },
      approvedBy: 'f3b1c2d4-0000-4000-8000-000000000001',
      approver: { id: 'f3b1c2d4-0000-4000-8000-000000000001', name: 'German desk\u001b[2J' },
    });
    expect(text).toMatch(
      /^a1 · de · edited \(revision 1; edited by “German desk\[2J”, approved by “German desk\[2J”\)$/m,
    );
    expect(text).not.toContain('f3b1c2d4');
  });
});
