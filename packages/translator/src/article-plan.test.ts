import type { ArticleContent } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { planArticle, renderArticle } from './article-plan.ts';
import { Glossary } from './glossary.ts';
import { decodeSegment, type LocalAtom } from './placeholder-codec.ts';

const article = (body: string, title = 'Title'): ArticleContent => ({
  title,
  summary: '',
  body,
  categories: ['Defence'],
});

/** Plans, "translates" every segment with `fn` (placeholders untouched) and renders. */
function roundTrip(
  content: ArticleContent,
  fn: (text: string) => string = (t) => t,
  glossary = Glossary.EMPTY,
) {
  const plan = planArticle(content, 'en', glossary, { maxChars: 1000 });
  const atoms: LocalAtom[][] = plan.segments.map((s) => {
    const out = s.translate ? s.encoded.text.replace(/[^<>\s]+(?![^<]*>)/g, fn) : s.encoded.text;
    const d = decodeSegment(out, s.encoded.slots);
    if (!d.ok) throw new Error(JSON.stringify(d.problem));
    return d.atoms;
  });
  return { plan, out: renderArticle(content, plan, atoms, glossary, 'es') };
}

describe('planArticle and renderArticle', () => {
  it('give back the same body when every segment is left as it is', () => {
    const body =
      '<h2>Heading</h2>\n<p>The <a href="https://example.org/x?a=1&amp;b=2">minister <em>said</em></a> on 5 November 2025.</p>' +
      '<ul><li>One <i>two</i> three<ul><li>Nested item</li></ul></li></ul>' +
      '<table><tr><td>Cell text</td><td>42</td></tr></table>' +
      '<figure><img src="a.jpg" alt="x"><figcaption>Photo: <b>Denys Shmyhal</b></figcaption></figure>';
    expect(roundTrip(article(body)).out.body).toBe(body);
  });

  it('sends each sentence with its inline markup as placeholders, attributes never', () => {
    const { plan } = roundTrip(
      article('<p>The <a href="https://example.org/x">minister <em>said</em></a> so. He left.</p>'),
    );
    expect(plan.segments.map((s) => s.encoded.text)).toEqual([
      'Title',
      'Defence',
      'The <g1> minister <g2> said </g2> </g1> so.',
      'He left.',
    ]);
  });

  it('keeps a tag that spans two sentences as one element', () => {
    const body = '<p><strong>First sentence here. Second one</strong> ends here.</p>';
    const { plan, out } = roundTrip(article(body), (w) => w.toUpperCase());
    expect(plan.segments.slice(2).map((s) => s.encoded.text)).toEqual([
      'First sentence here.',
      '<g1> Second one </g1> ends here.',
    ]);
    expect(out.body).toBe('<p><strong>FIRST SENTENCE HERE. SECOND ONE</strong> ENDS HERE.</p>');
  });

  it('leaves code, notranslate and line breaks alone and splits at <br>', () => {
    const body =
      '<p>Run <code>npm test</code> now.<br>Second line <span class="notranslate">Kyiv Post</span> here.</p><pre>not translated</pre>';
    const { plan, out } = roundTrip(article(body), (w) => w.toUpperCase());
    expect(plan.segments.slice(2).map((s) => s.encoded.text)).toEqual([
      'Run <x1/> now.',
      'Second line <x1/> here.',
    ]);
    expect(out.body).toBe(
      '<p>RUN <code>npm test</code> NOW.<br>SECOND LINE <span class="notranslate">Kyiv Post</span> HERE.</p><pre>not translated</pre>',
    );
  });

  it('protects glossary terms and writes their fixed translation', () => {
    const glossary = new Glossary([
      { source: 'Denys Shmyhal', caseSensitive: true },
      {
        source: 'Joint Expeditionary Force',
        translations: { es: 'Fuerza Expedicionaria Conjunta' },
        caseSensitive: false,
      },
    ]);
    const { plan, out } = roundTrip(
      article('<p>Denys Shmyhal joined the joint expeditionary force.</p>'),
      (w) => w.toUpperCase(),
      glossary,
    );
    expect(plan.segments[2]?.encoded.text).toBe('<x1/> joined the <x2/> .');
    expect(out.body).toBe('<p>Denys Shmyhal JOINED THE Fuerza Expedicionaria Conjunta.</p>');
  });

  it('lets a glossary term win over a number or unit written with compatibility characters inside it', () => {
    const glossary = new Glossary([
      { source: 'CO₂ tax', translations: { es: 'impuesto al CO₂' }, caseSensitive: true },
    ]);
    const { plan, out } = roundTrip(
      article('<p>The CO₂ tax rose by 2½ percent.</p>'),
      (w) => w.toUpperCase(),
      glossary,
    );
    expect(plan.segments[2]?.encoded.text).toBe('The <x1/> rose by <x2/> percent.');
    expect(out.body).toBe('<p>THE impuesto al CO₂ ROSE BY 2½ PERCENT.</p>');
  });

  it('collapses HTML whitespace inside a flow and notes the no-break spaces the model will not see', () => {
    const { plan, out } = roundTrip(article('<p>On 5\u00a0November\n   the   minister spoke.</p>'));
    expect(plan.segments[2]?.encoded.text).toBe('On 5 November the minister spoke.');
    expect(plan.segments[2]?.spaces).toEqual([{ char: '\u00a0', before: '5', after: 'November' }]);
    expect(out.body).toBe('<p>On 5 November the minister spoke.</p>');
  });

  it('translates the alt text of the images in the body, wherever the model puts them', () => {
    const body =
      '<p>The <img src="a.jpg" alt="Photo of the minister"> said <img src="b.jpg" alt="Photo of the minister">.</p>' +
      '<figure><img src="c.jpg" alt="A ship"><figcaption>The ship</figcaption></figure>' +
      '<p translate="no"><img src="d.jpg" alt="Kept as it is"></p>';
    const { plan, out } = roundTrip(article(body), (w) => w.toUpperCase());
    expect(plan.imageAlts.map((a) => a.text)).toEqual(['Photo of the minister', 'A ship']);
    expect(out.body).toBe(
      '<p>THE <img src="a.jpg" alt="PHOTO OF THE MINISTER"> SAID <img src="b.jpg" alt="PHOTO OF THE MINISTER">.</p>' +
        '<figure><img src="c.jpg" alt="A SHIP"><figcaption>THE SHIP</figcaption></figure>' +
        '<p translate="no"><img src="d.jpg" alt="Kept as it is"></p>',
    );
  });

  it('translates nothing in an empty body or one of only markup', () => {
    for (const body of ['', '<p> </p><hr><img src="x.png">', '<p>2025</p>']) {
      const { plan, out } = roundTrip(article(body, ''));
      expect(plan.segments.map((s) => s.encoded.text)).toEqual(['Defence']);
      expect(out.body).toBe(body);
    }
  });

  it('translates title, summary, categories and the image alt text', () => {
    const content: ArticleContent = {
      title: 'Big news',
      summary: 'A summary. Two sentences.',
      body: '',
      categories: ['Defence', 'Politics'],
      image: { url: 'https://example.org/a.jpg', alt: 'The minister' },
    };
    const { out } = roundTrip(content, (w) => w.toUpperCase());
    expect(out).toEqual({
      title: 'BIG NEWS',
      summary: 'A SUMMARY. TWO SENTENCES.',
      body: '',
      categories: ['DEFENCE', 'POLITICS'],
      image: { url: 'https://example.org/a.jpg', alt: 'THE MINISTER' },
    });
  });
});
