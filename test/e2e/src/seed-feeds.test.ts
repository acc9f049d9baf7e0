import { type SiteHarness, seedContent, siteHarness } from '@tidings/api/testing';
import { LANGUAGE_CODES, type LanguageCode, resolveSiteSettings } from '@tidings/core';
import { w3cFeedRules } from '@tidings/feed/testing';
import { ensureTestModels, expectedTranslation } from '@tidings/test-models';
import { Glossary, Translator } from '@tidings/translator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const B = 'https://news.example.org';
const TARGETS = LANGUAGE_CODES.filter((l) => l !== 'en');
// The newsroom's glossary fixes one category's name in each language; the other category is
// left to the model.
const DEFENCE: Record<LanguageCode, string> = {
  en: 'Defence',
  es: 'Defensa',
  de: 'Verteidigung',
  fr: 'Défense',
  it: 'Difesa',
  uk: 'Оборона',
};
const securityIn = (l: LanguageCode) =>
  l === 'en' ? 'Security' : expectedTranslation('Security', { src: 'en', tgt: l });
// Every feed carries <tidings:provenance> in its own namespace, which the W3C validator reports
// once per feed as "Use of unknown namespace", as it does any extension it does not know.
const TIDINGS_NAMESPACE = 'xmlns:tidings="urn:tidings:feed:1"';

describe('the seed articles in all six languages, as feed readers and the W3C validator see them', () => {
  let h: SiteHarness;
  let translator: Translator;
  const slugs: Partial<Record<LanguageCode, string>>[] = [];

  beforeAll(async () => {
    const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
    const glossary = new Glossary([
      {
        source: 'Defence',
        from: 'en',
        caseSensitive: true,
        translations: {
          es: DEFENCE.es,
          de: DEFENCE.de,
          fr: DEFENCE.fr,
          it: DEFENCE.it,
          uk: DEFENCE.uk,
        },
      },
    ]);
    translator = new Translator({ modelsDir: dictionaryModelsDir, glossary, ortThreads: 1 });
    h = await siteHarness({
      publicUrl: B,
      hubUrl: 'https://hub.example.org/',
      site: resolveSiteSettings(
        {
          name: { en: 'Kyiv Ledger', uk: 'Київський вісник' },
          logoUrl: `${B}/logo.png`,
          description: { en: 'News from Kyiv in six languages' },
        },
        {},
      ),
    });
    for (const file of ['jef-extended-partner.txt', 'chas-pravdy-jef.txt']) {
      const content = seedContent(file, ['Defence', 'Security']);
      const results = await translator.translateArticle(content, 'en', TARGETS);
      const translations = Object.fromEntries(
        [...results].map(([language, r]) => {
          expect(r.needsReview, `${file} ${language}`).toEqual([]);
          return [language, r.content];
        }),
      );
      slugs.push((await h.publish('en', content, translations)).slugs);
    }
  }, 300_000);

  afterAll(async () => {
    await translator?.close();
    await h?.close();
  });

  it('names each category in every language through the glossary, then the model, each under its own slug', async () => {
    for (const language of LANGUAGE_CODES) {
      const page = await (await h.get(`/${language}/articles/${slugs[0]?.[language]}`)).text();
      const names = [...page.matchAll(/<ul class="tags"[^>]*>([\s\S]*?)<\/ul>/g)]
        .flatMap((m) => [...(m[1] ?? '').matchAll(/<a [^>]*>([^<]*)<\/a>/g)])
        .map((m) => m[1]);
      expect(names, language).toEqual([DEFENCE[language], securityIn(language)]);
    }
    const uk = await (await h.get(`/uk/articles/${slugs[0]?.uk}`)).text();
    expect(uk).toContain(`href="${B}/feeds/uk/categories/oborona/rss.xml"`);
    expect(uk).toContain(`href="${B}/feeds/uk/categories/bezpeka/rss.xml"`);
    expect(uk).not.toContain('>Defence<');
  });

  it('leaves the W3C validator nothing to warn about in any main or category feed, or the OPML list', async () => {
    const opml = await (await h.get('/feeds/opml.xml')).text();
    expect(w3cFeedRules(opml, `${B}/feeds/opml.xml`)).toEqual([]);
    const rssFeeds = [...opml.matchAll(/xmlUrl="([^"]+\/rss\.xml)"/g)].map((m) => m[1] ?? '');
    // A main feed and two category feeds in each of the six languages.
    expect(rssFeeds).toHaveLength(6 * 3);
    let checked = 0;
    for (const rss of rssFeeds) {
      for (const url of [rss, rss.replace(/rss\.xml$/, 'atom.xml')]) {
        const res = await h.get(url.slice(B.length));
        expect(res.status, url).toBe(200);
        const body = await res.text();
        expect(body.match(/<item>|<entry[ >]/g), url).toHaveLength(2);
        const problems = w3cFeedRules(body, url);
        const namespace = problems.filter(
          (p) => p.rule === 'UnknownNamespace' && p.detail.endsWith(TIDINGS_NAMESPACE),
        );
        expect(namespace, url).toHaveLength(1);
        expect(
          problems.filter((p) => !namespace.includes(p)).map((p) => `${p.rule} ${p.detail}`),
          url,
        ).toEqual([]);
        checked++;
      }
      const json = JSON.parse(
        await (await h.get(rss.slice(B.length).replace(/rss\.xml$/, 'feed.json'))).text(),
      ) as { items: unknown[] };
      expect(json.items).toHaveLength(2);
    }
    expect(checked).toBe(36);
  });
});
