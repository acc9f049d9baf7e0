import type { LanguageCode } from '@tidings/core';
import { ensureTestModels, expectedTranslation } from '@tidings/test-models';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { type Installation, installation } from './harness/service.ts';

// What a reader gets on every surface: the API version, the page and the three feeds, in each
// of the five target languages, for markup newsrooms write and names in other scripts.
const FROM_ENGLISH: LanguageCode[] = ['es', 'de', 'fr', 'it', 'uk'];
const FROM_SPANISH: LanguageCode[] = ['en', 'de', 'fr', 'it', 'uk'];

const NAMES = [
  '<span lang="ar" dir="rtl">محمد بن سلمان</span>',
  '<bdi lang="he" dir="rtl">בנימין נתניהו</bdi>',
  '<span lang="el">Κυριάκος Μητσοτάκης</span>',
  '<span lang="zh">习近平</span>',
];
const namesArticle = {
  title: 'El ministro reunió con 习近平',
  language: 'es',
  slug: 'names-in-other-scripts',
  body: `<p>El ministro reunió con ${NAMES[0]} y con ${NAMES[1]}.</p><p>El ministro reunió con ${NAMES[2]} y con ${NAMES[3]}.</p>`,
};
const markupArticle = {
  title: 'Photo',
  language: 'en',
  slug: 'markup-newsrooms-use',
  image: { url: 'https://news.example.org/ship.jpg', alt: 'The minister' },
  body:
    '<table><caption>The minister</caption><tbody><tr><td>Aid</td></tr></tbody></table>' +
    '<figure><img src="https://news.example.org/a.jpg" alt="Photo" /><figcaption>The minister</figcaption></figure>' +
    '<p>Le 1<sup>er</sup> photo, le CO<sub>2</sub> et <span translate="no">the minister</span>.</p>',
};
const markupExpected = (lang: LanguageCode): string[] => {
  const t = (text: string) => expectedTranslation(text, { src: 'en', tgt: lang });
  return [
    `<caption>${t('The minister')}</caption>`,
    `<img src="https://news.example.org/a.jpg" alt="${t('Photo')}" />`,
    `<figcaption>${t('The minister')}</figcaption>`,
    `1<sup>er</sup> ${t('photo,')}`,
    `CO<sub>2</sub> `,
    '<span translate="no">the minister</span>.',
  ];
};

const xml = new XMLParser({ ignoreAttributes: true });

/** The HTML of every entry of a language's three feeds, by format. */
async function feedHtml(base: string, lang: LanguageCode): Promise<Record<string, string>> {
  const get = async (format: string) => (await fetch(`${base}/feeds/${lang}/${format}`)).text();
  const rss = xml.parse(await get('rss.xml')) as {
    rss: { channel: { item: { 'content:encoded': string } | { 'content:encoded': string }[] } };
  };
  const atom = xml.parse(await get('atom.xml')) as {
    feed: { entry: { content: string } | { content: string }[] };
  };
  const json = JSON.parse(await get('feed.json')) as { items: { content_html: string }[] };
  return {
    rss: [rss.rss.channel.item]
      .flat()
      .map((i) => i['content:encoded'])
      .join('\n'),
    atom: [atom.feed.entry]
      .flat()
      .map((e) => e.content)
      .join('\n'),
    json: json.items.map((i) => i.content_html).join('\n'),
  };
}

describe('markup and names on every surface', () => {
  let tidings: Installation;
  let publisher: string;

  beforeAll(async () => {
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
    await tidings.startApi();
    await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await tidings?.destroy();
  });

  it('publishes captions, sup, sub, translate="no" and every name in all five languages, on the page and in all three feeds', async () => {
    const posted = await Promise.all([
      postArticle(tidings, publisher, markupArticle),
      postArticle(tidings, publisher, namesArticle),
    ]);
    const [markup, names] = await Promise.all(
      posted.map((p) => untilFinal(tidings, publisher, p.id)),
    );
    const checks: [string, string, LanguageCode[], (lang: LanguageCode) => string[]][] = [
      [markup?.id ?? '', markupArticle.slug, FROM_ENGLISH, markupExpected],
      [names?.id ?? '', namesArticle.slug, FROM_SPANISH, () => NAMES],
    ];
    for (const [id, slug, targets, expected] of checks) {
      const done = id === markup?.id ? markup : names;
      for (const lang of targets) {
        expect(done?.languages[lang]?.status, `${slug} ${lang}`).toBe('published');
        const version = await getVersion(tidings, publisher, id, lang);
        const page = await (await fetch(`${tidings.url}/${lang}/articles/${slug}`)).text();
        const surfaces = {
          api: version.content?.body ?? '',
          page,
          ...(await feedHtml(tidings.url, lang)),
        };
        for (const [surface, html] of Object.entries(surfaces)) {
          for (const snippet of expected(lang)) {
            expect(html, `${slug} ${lang} ${surface}`).toContain(snippet);
          }
        }
      }
    }
    // The lead image's alt text is translated too, where readers meet it.
    for (const lang of FROM_ENGLISH) {
      const alt = expectedTranslation('The minister', { src: 'en', tgt: lang });
      const version = await getVersion(tidings, publisher, markup?.id ?? '', lang);
      expect(version.content?.image?.alt, lang).toBe(alt);
      const page = await (
        await fetch(`${tidings.url}/${lang}/articles/${markupArticle.slug}`)
      ).text();
      expect(page, lang).toContain(`alt="${alt}"`);
    }
  });
});
