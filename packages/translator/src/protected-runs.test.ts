import { describe, expect, it } from 'vitest';
import {
  addresses,
  compatibilityRuns,
  emojiRuns,
  foreignRuns,
  lostForeignRuns,
  protectedRuns,
} from './protected-runs.ts';

const texts = (text: string, runs: readonly { start: number; end: number }[]) =>
  runs.map((r) => text.slice(r.start, r.end));

describe('foreignRuns', () => {
  it('finds names in Arabic, Hebrew, Chinese, Georgian, Greek and Cyrillic in a Latin article', () => {
    const text =
      'Se reunió con محمد بن سلمان, con בנימין נתניהו, con 习近平, con ირაკლი კობახიძე, con Κυριάκος Μητσοτάκης y con Денис Шмигаль.';
    expect(texts(text, foreignRuns(text, 'es'))).toEqual([
      'محمد بن سلمان',
      'בנימין נתניהו',
      '习近平',
      'ირაკლი კობახიძე',
      'Κυριάκος Μητσοτάκης',
      'Денис Шмигаль',
    ]);
  });

  it('finds capitalised Latin names in a Ukrainian article, not lowercase words or the apostrophe', () => {
    const text =
      "Денис Шмигаль зустрівся з Emmanuel Macron у м'ясному iнституті, JEF і e-mail пам’ять обʼєкт.";
    expect(texts(text, foreignRuns(text, 'uk'))).toEqual(['Emmanuel Macron', 'JEF']);
  });

  it('finds nothing foreign in plain English with accents and typographic marks', () => {
    expect(foreignRuns('Café “Zürich” – naïve façade, 1ª edición, 5 °C.', 'en')).toEqual([]);
  });
});

describe('addresses', () => {
  it('finds URLs with and without a scheme, and e-mail addresses, without trailing punctuation', () => {
    const text = 'See t.me/Denys_Smyhal, https://mod.gov.ua/news?id=5. Mail press@mod.gov.ua!';
    expect(addresses(text).map((r) => [text.slice(r.start, r.end), r.kind])).toEqual([
      ['t.me/Denys_Smyhal', 'url'],
      ['https://mod.gov.ua/news?id=5', 'url'],
      ['press@mod.gov.ua', 'email'],
    ]);
  });

  it('does not take a missing space after a full stop for a domain', () => {
    expect(addresses('It ended.No one came. U.S. officials said 1.5 km.')).toEqual([]);
  });
});

describe('protectedRuns', () => {
  it('lets an address win over the foreign run inside it', () => {
    const text = 'Рада на rada.gov.ua і Emmanuel Macron.';
    expect(protectedRuns(text, 'uk').map((r) => [text.slice(r.start, r.end), r.kind])).toEqual([
      ['rada.gov.ua', 'url'],
      ['Emmanuel Macron', 'script'],
    ]);
  });
});

describe('emojiRuns', () => {
  it('finds each emoji whole: flags, skin tones, ZWJ sequences, variation selectors', () => {
    const text = 'Slava 🇺🇦! Thanks 👍🏽, coder 👩‍💻 and ❤️ but not ⟦ or ’.';
    expect(texts(text, emojiRuns(text))).toEqual(['🇺🇦', '👍🏽', '👩‍💻', '❤️']);
    expect(protectedRuns(text, 'en').map((r) => r.kind)).toEqual([
      'emoji',
      'emoji',
      'emoji',
      'emoji',
    ]);
  });
});

describe('compatibilityRuns', () => {
  it('finds numbers and units that NFKC would change, with the number or short unit they are attached to', () => {
    const text =
      'Up 2½ %, ¾ of 10⁶ euros, 35 m² and 2 km², CO₂ and H₂O, decree №5, 10⁻³ g, 1,5², ① ㎡ Ⅻ.';
    expect(texts(text, compatibilityRuns(text))).toEqual([
      '2½',
      '¾',
      '10⁶',
      'm²',
      'km²',
      'CO₂',
      'H₂O',
      '№5',
      '10⁻³',
      '1,5²',
      '①',
      '㎡',
      'Ⅻ',
    ]);
    expect(protectedRuns('CO₂ at t.me/x', 'en').map((r) => r.kind)).toEqual([
      'compatibility',
      'url',
    ]);
    // In a Ukrainian article a capitalised Latin run is protected already: the two are one.
    const uk = 'Викиди CO₂ зросли, каже JEF CO₂ і 35 m².';
    expect(protectedRuns(uk, 'uk').map((r) => [uk.slice(r.start, r.end), r.kind])).toEqual([
      ['CO₂', 'script'],
      ['JEF CO₂', 'script'],
      ['m²', 'compatibility'],
    ]);
  });

  it('keeps only the footnote mark on a short word that is no unit or formula', () => {
    // A short word with a superscript is a word with its footnote (`EU¹`, `who¹`), not a unit
    // (`m²`, `km³`) or a formula (`CO₂`): the word goes to the model, the mark is kept.
    const text = 'The EU¹ and who² said der³; 5 m³, 2 km², 9 ft², NO₂.';
    expect(texts(text, compatibilityRuns(text))).toEqual([
      '¹',
      '²',
      '³',
      'm³',
      'km²',
      'ft²',
      'NO₂',
    ]);
  });

  it('leaves a longer word to the model, and what NFKC folds harmlessly alone', () => {
    const text = 'A study¹ found ﬁne １２ … 5 ℃, 2 µg, 1.º de mayo, 2ª edición, ௰.';
    expect(texts(text, compatibilityRuns(text))).toEqual(['¹']);
  });
});

describe('lostForeignRuns', () => {
  it('names each foreign-script run the translation lacks, once', () => {
    expect(
      lostForeignRuns(
        'Se reunió con <g1> محمد بن سلمان </g1> y con בנימין נתניהו, no con 习近平 ni con בנימין נתניהו.',
        'Met with <g1> </g1> and with, not with 习近平 nor with.',
        'es',
      ),
    ).toEqual(['محمد بن سلمان', 'בנימין נתניהו']);
  });

  it('accepts a run that survived with other spacing around it', () => {
    expect(
      lostForeignRuns('Zustand: Κυριάκος  Μητσοτάκης.', 'Estado:Κυριάκος Μητσοτάκης.', 'de'),
    ).toEqual([]);
  });

  it('checks capitalised Latin names in a Ukrainian source', () => {
    expect(lostForeignRuns('Зустріч з Emmanuel Macron.', 'Meeting with Macron.', 'uk')).toEqual([
      'Emmanuel Macron',
    ]);
  });
});
