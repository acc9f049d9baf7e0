import { describe, expect, it } from 'vitest';
import { alignCorrection } from './correction-alignment.ts';
import { Glossary } from './glossary.ts';

const article = (body: string, title = 'The minister resigned') => ({
  title,
  summary: '',
  body,
  categories: [],
});

describe('alignCorrection', () => {
  it('pairs sentence by sentence when both sides have as many sentences', () => {
    const { entries, skipped } = alignCorrection(
      article('<p>The minister spoke. The house agreed.</p>'),
      article('<p>La ministra habló. La cámara aceptó.</p>', 'La ministra dimitió'),
      'en',
      'es',
    );
    expect(entries).toEqual([
      { from: 'en', to: 'es', text: 'The minister resigned', translation: 'La ministra dimitió' },
      { from: 'en', to: 'es', text: 'The minister spoke.', translation: 'La ministra habló.' },
      { from: 'en', to: 'es', text: 'The house agreed.', translation: 'La cámara aceptó.' },
    ]);
    expect(skipped).toEqual([]);
  });

  it('skips a block of several sentences whose correction has another number of them', () => {
    const { entries, skipped, segments } = alignCorrection(
      article('<p>The minister spoke. The house agreed.</p>'),
      article('<p>La ministra habló y la cámara aceptó.</p>', 'La ministra dimitió'),
      'en',
      'es',
    );
    expect(entries.map((e) => e.text)).toEqual(['The minister resigned']);
    expect(skipped).toEqual([{ block: 2, reason: 'sentence-count' }]);
    expect(segments.map((s) => s.block)).toEqual([0, 2, 2]);
  });

  it('takes the whole corrected block for a source block of one sentence', () => {
    const { entries } = alignCorrection(
      article('<p>The minister spoke to the house.</p>'),
      article('<p>La ministra habló. Ante la cámara.</p>'),
      'en',
      'es',
    );
    expect(entries[1]).toMatchObject({
      text: 'The minister spoke to the house.',
      translation: 'La ministra habló. Ante la cámara.',
    });
  });

  it("maps the editor's HTML markup onto the source's placeholders, in the editor's order", () => {
    const { entries } = alignCorrection(
      article('<p>The <a href="/m">minister</a> met <em>the press</em>.</p>'),
      article('<p>Con <em>la prensa</em> se reunió la <a href="/m">ministra</a>.</p>'),
      'en',
      'es',
    );
    expect(entries[1]).toEqual({
      from: 'en',
      to: 'es',
      text: 'The <g1> minister </g1> met <g2> the press </g2> .',
      // Marked as written by the editor: spaced as the editor spaced the markup.
      translation: '\u0001Con <g2>la prensa</g2> se reunió la <g1>ministra</g1>.',
    });
  });

  it('stores nothing for a sentence whose markup does not map (a link changed or dropped)', () => {
    const { entries, skipped } = alignCorrection(
      article('<p>The <a href="/m">minister</a> spoke. The house agreed.</p>'),
      article('<p>La <a href="/other">ministra</a> habló. La <b>cámara</b> aceptó.</p>'),
      'en',
      'es',
    );
    expect(entries.map((e) => e.text)).toEqual(['The minister resigned']);
    expect(skipped).toEqual([
      { block: 2, reason: 'markup' },
      { block: 2, reason: 'markup' },
    ]);
  });

  it('keeps glossary terms as the placeholders the translator looks up, fixed or kept', () => {
    const glossary = new Glossary([
      { source: 'Tidings', caseSensitive: true },
      { source: 'JEF', translations: { es: 'FEC' }, caseSensitive: true },
    ]);
    const { entries } = alignCorrection(
      article('<p>Tidings joined the JEF today.</p>'),
      article('<p>Hoy Tidings se unió a la FEC.</p>'),
      'en',
      'es',
      glossary,
    );
    expect(entries[1]).toEqual({
      from: 'en',
      to: 'es',
      text: '<x1/> joined the <x2/> today.',
      translation: '\u0001Hoy <x1/> se unió a la <x2/>.',
    });
  });

  it('skips a sentence that lost a glossary term', () => {
    const glossary = new Glossary([{ source: 'Tidings', caseSensitive: true }]);
    const { entries, skipped } = alignCorrection(
      article('<p>Tidings joined today.</p>'),
      article('<p>El diario se unió hoy.</p>'),
      'en',
      'es',
      glossary,
    );
    expect(entries).toHaveLength(1);
    expect(skipped).toEqual([{ block: 2, reason: 'markup' }]);
  });
});
