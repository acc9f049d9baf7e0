import { describe, expect, it } from 'vitest';
import { encodeSegment } from './placeholder-codec.ts';
import {
  checkTranslation,
  digitRuns,
  missingItems,
  missingNumbers,
  numberRuns,
} from './quality-gate.ts';
import { survivalCheck } from './survival-check.ts';

const link = encodeSegment('The minister said on 5 November 2025.', [
  { type: 'open', at: 4, node: 0 },
  { type: 'close', at: 12, node: 0 },
]);

describe('checkTranslation', () => {
  it('passes a faithful translation', () => {
    expect(
      checkTranslation(
        link.text,
        'El <g1> ministro </g1> dijo el 5 de noviembre de 2025.',
        link.slots,
      ),
    ).toBeUndefined();
  });

  it('flags lost markup', () => {
    expect(
      checkTranslation(link.text, 'El ministro dijo el 5 de noviembre de 2025.', link.slots),
    ).toEqual({ code: 'placeholder-missing', placeholder: 1 });
  });

  it('flags a lost or changed number, but not a reformatted one', () => {
    expect(
      checkTranslation(
        link.text,
        'El <g1> ministro </g1> dijo el 6 de noviembre de 2025.',
        link.slots,
      ),
    ).toEqual({ code: 'number-missing', number: '5' });
    expect(
      checkTranslation('It cost 1,000.5 euros.', 'Es kostete 1.000,5 Euro.', []),
    ).toBeUndefined();
  });

  it('flags a number written with compatibility characters that NFKC changed, naming it as written', () => {
    // What a Marian tokenizer's NFKC normalizer hands the model, and so what it writes back.
    for (const [source, target, number] of [
      ['Prices rose by 2½ percent.', 'Die Preise stiegen um 21⁄2 Prozent.', '2½'],
      ['The fund holds 10⁶ euros.', 'Der Fonds hält 106 Euro.', '10⁶'],
      ['The flat has 35 m².', 'Die Wohnung hat 35 m2.', 'm²'],
      ['It emits CO₂.', 'Emite CO2.', 'CO₂'],
      ['Decree №5 was signed.', 'El decreto No5 fue firmado.', '№5'],
      ['A dose of 10⁻³ g.', 'Una dosis de 10-3 g.', '10⁻³'],
    ] as const) {
      expect(checkTranslation(source, target, []), `${source} → ${target}`).toEqual({
        code: 'number-missing',
        number,
      });
    }
  });

  it('passes such a number kept as written, and still counts the plain numbers beside it', () => {
    expect(
      checkTranslation('Up 2½ percent, 35 m².', 'Die Preise: 2½ Prozent, 35 m².', []),
    ).toBeUndefined();
    // The 10 of 10⁶ is no 10 of the source's.
    expect(checkTranslation('10⁶ euros and 10 cents.', '10⁶ Euro und Cent.', [])).toEqual({
      code: 'number-missing',
      number: '10',
    });
  });

  it('counts a number however the target language groups its thousands', () => {
    for (const [source, target] of [
      ['It cost 1200 euros.', 'Costó 1,200 euros.'],
      ['It cost 1200 euros.', 'Es kostete 1.200 Euro.'],
      ['It cost 1200 euros.', 'Il a coûté 1 200 euros.'],
      ['It cost 1200 euros.', 'Il a coûté 1\u202f200 euros.'],
      ['It cost 1,200 euros.', 'Costó 1200 euros.'],
      ['Some 1,250,000 people.', 'Circa 1.250.000 persone.'],
      ['Some 12 500,75 t.', 'Some 12,500.75 t.'],
    ] as const) {
      expect(checkTranslation(source, target, []), `${source} → ${target}`).toBeUndefined();
    }
    expect(checkTranslation('It cost 1200 euros.', 'Costó 1,300 euros.', [])).toEqual({
      code: 'number-missing',
      number: '1200',
    });
    expect(checkTranslation('Some 1.5 million.', 'Unos 15 millones.', [])).toEqual({
      code: 'number-missing',
      number: '1',
    });
  });

  it('takes a space for a thousands separator only inside a well-formed group', () => {
    expect(
      checkTranslation(
        'On 5 November 2025 200 people marched.',
        'El 5 de noviembre de 2025, 200 personas marcharon.',
        [],
      ),
    ).toBeUndefined();
    expect(
      checkTranslation(
        'On 5 November 2025 200 people marched.',
        'El 5 de noviembre de 2025, 20 personas marcharon.',
        [],
      ),
    ).toEqual({ code: 'number-missing', number: '200' });
  });

  it('flags a decimal part merged into its whole number', () => {
    expect(checkTranslation('It took 1234.567 ms.', 'Tardó 1234567 ms.', [])).toEqual({
      code: 'number-missing',
      number: '1234',
    });
    expect(checkTranslation('It took 1234567 ms.', 'Tardó 1234,567 ms.', [])).toEqual({
      code: 'number-missing',
      number: '1234567',
    });
    expect(checkTranslation('It took 1234.567 ms.', 'Es dauerte 1234,567 ms.', [])).toBeUndefined();
  });

  it('flags a repetition loop the source does not have', () => {
    expect(
      checkTranslation(
        'He said that it is good.',
        'Er sagte, dass es gut gut gut gut gut ist.',
        [],
      ),
    ).toEqual({ code: 'repetition-loop', phrase: 'gut' });
    expect(
      checkTranslation(
        'Ukraine joins the alliance.',
        'Ukraine tritt dem Bündnis bei dem Bündnis bei dem Bündnis bei dem Bündnis bei.',
        [],
      ),
    ).toMatchObject({ code: 'repetition-loop' });
    expect(checkTranslation('Ha ha ha ha!', 'Ja ja ja ja!', [])).toBeUndefined();
  });

  it('flags an implausible length', () => {
    expect(
      checkTranslation('The minister met his counterparts in Kyiv on Monday.', 'Ja.', []),
    ).toMatchObject({ code: 'length-ratio', ratio: expect.any(Number) });
    expect(checkTranslation('Hello.', '', [])).toEqual({ code: 'empty-translation' });
  });

  it('flags a translation that stops before the sentence ends, as models that end too early do', () => {
    // What the stop-early test model wrote, and what a newsroom saw published without review.
    expect(
      checkTranslation(
        'Ukraine has been granted extended partner status.',
        'Ucrania ha sido concedido',
        [],
      ),
    ).toEqual({ code: 'truncated', ratio: 0.52 });
  });

  it('does not take a short translation that ends its sentence, or a title, for a cut one', () => {
    // fr→en at 0.56 of the source's letters: the shortest pair of the eval set's human references.
    expect(
      checkTranslation(
        'Le ministre a déclaré que les négociations reprendraient dès que possible.',
        'The minister said talks would resume soon.',
        [],
      ),
    ).toBeUndefined();
    expect(
      checkTranslation(
        'Ukraine joins the Joint Expeditionary Force',
        'Ucrania se une a la JEF',
        [],
      ),
    ).toBeUndefined();
    // Too short to tell a cut from a lost full stop.
    expect(checkTranslation('He said so.', 'Lo dijo', [])).toBeUndefined();
    expect(
      checkTranslation('“Why?” she asked.', '«¿Por qué?», preguntó ella».', []),
    ).toBeUndefined();
    // A whole quoted sentence, closed as German and French close it, is not cut short.
    expect(
      checkTranslation(
        'The minister said: “We will rebuild the whole harbour.”',
        'Er sagte: „Wir bauen.“',
        [],
      ),
    ).toBeUndefined();
    expect(
      checkTranslation(
        'The minister said: “We will rebuild the whole harbour.”',
        'Il a dit : « Nous bâtirons. »',
        [],
      ),
    ).toBeUndefined();
  });
});

describe('missingItems', () => {
  it('counts repeats: a number said twice must be there twice', () => {
    expect(missingItems(['5', '5', '12'], ['5', '12'])).toEqual(['5']);
    expect(missingItems(['5', '5'], ['5', '5', '5'])).toEqual([]);
  });

  it('lists what is lacking in the order wanted', () => {
    expect(missingItems(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
  });
});

describe('numberRuns', () => {
  it('takes out the separators between thousands, not a decimal one', () => {
    expect(numberRuns('1,200 left on 5 May; 1.000,5 t; 3.5%; 12 000.')).toEqual([
      '1200',
      '5',
      '1000',
      '5',
      '3',
      '5',
      '12000',
    ]);
    expect(numberRuns('In 2025 200 came; 1234.567 s; 1,250,000; 12 500,75')).toEqual([
      '2025',
      '200',
      '1234',
      '567',
      '1250000',
      '12500',
      '75',
    ]);
  });
});

describe('missingNumbers', () => {
  it('reads a lone d.ddd or d,ddd as grouped or as decimal, on either side', () => {
    // English 1,200 is German 1.200; English 3.141 is German 3,141.
    expect(missingNumbers('1,200 and 3.141', '1.200 und 3,141')).toEqual([]);
    expect(missingNumbers('1,200', '1200')).toEqual([]);
    expect(missingNumbers('3.141', 'the 3 and the 141')).toEqual([]);
    expect(missingNumbers('3 and 141', '3.141')).toEqual([]);
    expect(missingNumbers('3.141', '3.14')).toEqual(['3141']);
  });

  it('finds a number written with compatibility characters only as a whole, not inside a longer one', () => {
    expect(missingNumbers('The flat has 35 m².', 'Die Wohnung hat 35 km².')).toEqual(['m²']);
    expect(missingNumbers('Up 2½ percent', 'Um 12½ Prozent')).toEqual(['2½']);
    expect(missingNumbers('Up 2½ percent', 'Um 2½0 Prozent')).toEqual(['2½']);
    expect(missingNumbers('Up 2½ percent', 'Um 12½ oder 2½ Prozent')).toEqual([]);
    expect(missingNumbers('35 m² flat', 'Wohnung (35 m²)')).toEqual([]);
    // Glued to a letter in the source, it may be glued to one in the target.
    expect(missingNumbers('A study¹ found', 'Eine Studie¹ fand')).toEqual([]);
  });
});

describe('digitRuns', () => {
  it('splits at every non-digit, grouping separators included', () => {
    expect(digitRuns('On 5 May, 1,200 left; 3.5%.')).toEqual(['5', '1', '200', '3', '5']);
    expect(digitRuns('No numbers.')).toEqual([]);
  });
});

// The two number checks count numbers the same way: a language's own grouping of thousands
// (Spanish `1200` for English `1,200`) is the same number to both.
describe('number checks over the shared counting', () => {
  it('the gate and the survival check both take 1200 for 1,200', () => {
    expect(checkTranslation('It cost 1,200 euros.', 'Costó 1200 euros.', [])).toBeUndefined();
    expect(survivalCheck('It cost 1,200 euros.', 'Costó 1200 euros.', []).numbers).toBe(true);
  });
});
