import { describe, expect, it } from 'vitest';
import { encodeSegment } from './placeholder-codec.ts';
import { checkTranslation } from './quality-gate.ts';

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
});
