import { type ArticleContent, type LanguageCode, sanitizeArticleHtml } from '@tidings/core';
import { expectedTranslation } from '@tidings/test-models';
import { describe, expect, it } from 'vitest';
import type { ReviewReason } from './review-reason.ts';
import type { Translator, TranslatorOptions } from './translator.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

// The dictionary models drop every character outside Latin, Greek, Cyrillic and symbols, as
// real models drop or `<unk>` what their vocabulary lacks: Arabic, Hebrew and Chinese vanish.
const TARGETS_FROM_SPANISH: LanguageCode[] = ['en', 'de', 'fr', 'it', 'uk'];
const TARGETS_FROM_ENGLISH: LanguageCode[] = ['es', 'de', 'fr', 'it', 'uk'];
const translators = dictionaryTranslators('translator-fidelity');
const make = (options: Partial<TranslatorOptions> = {}) => translators(options).translator;

/** As an article goes through Tidings: sanitized at intake, translated, sanitized again. */
async function publish(
  translator: Translator,
  content: ArticleContent,
  source: LanguageCode,
  targets: readonly LanguageCode[],
) {
  const clean = { ...content, body: sanitizeArticleHtml(content.body) };
  const results = await translator.translateArticle(clean, source, targets);
  return targets.map((target) => {
    const result = results.get(target);
    if (!result) throw new Error(`no ${target}`);
    return { target, result, body: sanitizeArticleHtml(result.content.body) };
  });
}

const NAMES = {
  arabic: '<span lang="ar" dir="rtl">محمد بن سلمان</span>',
  hebrew: '<bdi lang="he" dir="rtl">בנימין נתניהו</bdi>',
  greek: '<span lang="el">Κυριάκος Μητσοτάκης</span>',
  chinese: '<span lang="zh">习近平</span>',
};
const namesArticle: ArticleContent = {
  title: 'El ministro reunió con 习近平',
  summary: '',
  body:
    `<p>El ministro reunió con ${NAMES.arabic} y con ${NAMES.hebrew}.</p>` +
    `<p>El ministro reunió con ${NAMES.greek} y con ${NAMES.chinese}.</p>` +
    '<p>Foto: محمد بن سلمان y 习近平 en Kyiv, Κυριάκος Μητσοτάκης y בנימין נתניהו.</p>',
  categories: [],
};

const lostRuns = (reasons: readonly ReviewReason[]) =>
  reasons.flatMap((r) => (r.code === 'lost-foreign-run' ? r.runs : []));

describe('Names in another script, on models that drop them', () => {
  it('publishes every name intact in all five languages, in its element with its lang and dir', async () => {
    const versions = await publish(make(), namesArticle, 'es', TARGETS_FROM_SPANISH);
    for (const { target, result, body } of versions) {
      expect(result.needsReview, target).toEqual([]);
      for (const element of Object.values(NAMES)) expect(body, target).toContain(element);
      const bare = body.split('<p>')[3] ?? '';
      for (const name of ['محمد بن سلمان', '习近平', 'Κυριάκος Μητσοτάκης', 'בנימין נתניהו.</p>']) {
        expect(bare, target).toContain(name);
      }
      expect(result.content.title, target).toMatch(/习近平$/);
    }
  }, 120_000);

  it('with protection off, holds every version for review, naming the names it lost', async () => {
    const versions = await publish(
      make({ protectRuns: false }),
      namesArticle,
      'es',
      TARGETS_FROM_SPANISH,
    );
    for (const { target, result } of versions) {
      const lost = lostRuns(result.needsReview);
      expect(lost, target).toEqual(
        expect.arrayContaining(['محمد بن سلمان', 'בנימין נתניהו', '习近平']),
      );
      expect(result.needsReview, target).toContainEqual({
        code: 'lost-foreign-run',
        runs: ['محمد بن سلمان', 'בנימין נתניהו'],
        segment: 'El ministro reunió con محمد بن سلمان y con בנימין נתניהו.',
      });
    }
  }, 120_000);

  it('keeps URLs and e-mail addresses as they are, and flags a lost protected run by name', async () => {
    const body = '<p>The minister, t.me/Denys_Smyhal and press@mod.gov.ua, met the JEF.</p>';
    const [es] = await publish(make(), { ...namesArticle, title: 'JEF', body }, 'en', ['es']);
    expect(es?.body).toBe(
      `<p>${expectedTranslation('The minister,', { src: 'en', tgt: 'es' })} t.me/Denys_Smyhal ${expectedTranslation('and', { src: 'en', tgt: 'es' })} press@mod.gov.ua, ${expectedTranslation('met the JEF.', { src: 'en', tgt: 'es' })}</p>`,
    );
    expect(es?.result.needsReview).toEqual([]);
  }, 60_000);
});

describe('Markup newsrooms use, through intake and translation', () => {
  const tr = (target: LanguageCode) => (text: string) =>
    expectedTranslation(text, { src: 'en', tgt: target });
  // Each case: the publisher's HTML, and what every language version must be.
  const cases: [string, string, (t: (text: string) => string) => string][] = [
    [
      'a table caption',
      '<table><caption>The minister</caption><tbody><tr><td>Aid</td></tr></tbody></table>',
      (t) =>
        `<table><caption>${t('The minister')}</caption><tbody><tr><td>${t('Aid')}</td></tr></tbody></table>`,
    ],
    [
      'column groups',
      '<table><colgroup><col span="2" /></colgroup><tbody><tr><td>Aid</td><td>Photo</td></tr></tbody></table>',
      (t) =>
        `<table><colgroup><col span="2" /></colgroup><tbody><tr><td>${t('Aid')}</td><td>${t('Photo')}</td></tr></tbody></table>`,
    ],
    [
      'lang and dir on a span',
      '<p>The minister met <span lang="ar" dir="rtl">محمد</span>.</p>',
      (t) => `<p>${t('The minister met')} <span lang="ar" dir="rtl">محمد</span>.</p>`,
    ],
    [
      'bdi',
      '<p>The minister met <bdi>محمد</bdi>.</p>',
      (t) => `<p>${t('The minister met')} <bdi>محمد</bdi>.</p>`,
    ],
    [
      'bdo',
      '<p><bdo dir="rtl">The minister</bdo> met.</p>',
      (t) => `<p><bdo dir="rtl">${t('The minister')}</bdo> ${t('met.')}</p>`,
    ],
    [
      'dfn',
      '<p>The <dfn title="Joint Expeditionary Force">minister</dfn> met.</p>',
      (t) =>
        `<p>${t('The')} <dfn title="Joint Expeditionary Force">${t('minister')}</dfn> ${t('met.')}</p>`,
    ],
    [
      'ins and del with their date',
      '<p>The <del datetime="2025-11-04">minister</del> <ins datetime="2025-11-05T10:00Z">ministers</ins> met.</p>',
      (t) =>
        `<p>${t('The')} <del datetime="2025-11-04">${t('minister')}</del> <ins datetime="2025-11-05T10:00Z">${t('ministers')}</ins> ${t('met.')}</p>`,
    ],
    [
      'a figure with its caption and alt text',
      '<figure><img src="https://e.org/a.jpg" alt="The minister" /><figcaption>Photo</figcaption></figure>',
      (t) =>
        `<figure><img src="https://e.org/a.jpg" alt="${t('The minister')}" /><figcaption>${t('Photo')}</figcaption></figure>`,
    ],
    [
      'a definition list',
      '<dl><dt>Aid</dt><dd>The minister</dd></dl>',
      (t) => `<dl><dt>${t('Aid')}</dt><dd>${t('The minister')}</dd></dl>`,
    ],
    [
      'details and summary',
      '<details open><summary>Aid</summary><p>The minister</p></details>',
      (t) => `<details open><summary>${t('Aid')}</summary><p>${t('The minister')}</p></details>`,
    ],
    [
      'sup and sub with no space before them',
      '<p>On 1<sup>st</sup> photo, CO<sub>2</sub> met the minister.</p>',
      (t) =>
        `<p>${t('On 1')}<sup>${t('st')}</sup> ${t('photo, CO')}<sub>2</sub> ${t('met the minister.')}</p>`,
    ],
    [
      'translate="no"',
      '<p>The <span translate="no">minister</span> met.</p>',
      (t) => `<p>${t('The')} <span translate="no">minister</span> ${t('met.')}</p>`,
    ],
  ];

  it.each(cases)(
    'keeps %s in every language',
    async (_, html, expected) => {
      const content = { title: 'Photo', summary: '', body: html, categories: [] };
      expect(sanitizeArticleHtml(html), 'intake').toBe(html);
      for (const { target, result, body } of await publish(
        make(),
        content,
        'en',
        TARGETS_FROM_ENGLISH,
      )) {
        expect(body, target).toBe(expected(tr(target)));
        expect(result.needsReview, target).toEqual([]);
      }
    },
    60_000,
  );
});

describe('Spaces a newsroom typed', () => {
  it('keeps no-break spaces where the translation has the same words, in every language', async () => {
    const body = '<p>A 5\u00a0km road for 10\u202f000 troops.</p>';
    const versions = await publish(make(), { ...namesArticle, body }, 'en', TARGETS_FROM_ENGLISH);
    for (const { target, body: out } of versions) {
      expect(out, target).toContain('5\u00a0km');
      expect(out, target).toContain('10\u202f000');
    }
  }, 60_000);

  it('keeps the space between an element and closing punctuation; French gets its no-break spaces', async () => {
    const body =
      '<p>The <em>JEF</em> : the minister « met the <a href="https://e.org/">minister</a> » ?</p>';
    const versions = await publish(make(), { ...namesArticle, body }, 'en', TARGETS_FROM_ENGLISH);
    for (const { target, body: out } of versions) {
      const space = target === 'fr' ? '\u00a0' : ' ';
      expect(out, target).toContain(`<em>JEF</em>${space}:`);
      expect(out, target).toContain(`</a>${space}»`);
      expect(out, target).toContain(`«${space}`);
      expect(out, target).toMatch(target === 'fr' ? /»\u202f\?<\/p>$/ : /» \?<\/p>$/);
    }
  }, 60_000);
});
