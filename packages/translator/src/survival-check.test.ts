import { describe, expect, it } from 'vitest';
import { survivalCheck } from './survival-check.ts';

describe('survivalCheck', () => {
  it('passes a translation that kept links, emphasis, numbers and terms', () => {
    expect(
      survivalCheck(
        'Germany sent <strong>IRIS-T</strong> on 5 May, says <a href="https://mod.gov.ua/">the ministry</a>.',
        'Alemania envió <strong>IRIS-T</strong> el 5 de mayo, según <a href="https://mod.gov.ua/">el ministerio</a>.',
        ['IRIS-T', 'HIMARS'],
      ),
    ).toEqual({ markup: true, numbers: true, terms: true, lost: [] });
  });

  it('sees a link whose address changed, and emphasis that went missing', () => {
    const kept = survivalCheck(
      'See <a href="https://mod.gov.ua/">the list</a> and <em>this</em>.',
      'Ver <a href="https://mod.gov.ua/x">la lista</a> y esto.',
      [],
    );
    expect(kept.markup).toBe(false);
    expect(kept.lost).toEqual(['<a href="https://mod.gov.ua/">', '<em>']);
  });

  it('accepts localised thousands and decimals, but not a lost or changed digit', () => {
    const source = 'Power came back to 1,200 homes in 48 hours; 3.5% of GDP.';
    expect(
      survivalCheck(source, 'Strom für 1.200 Haushalte in 48 Stunden; 3,5 % des BIP.', []).numbers,
    ).toBe(true);
    expect(
      survivalCheck(source, 'Courant pour 1\u00a0200 foyers en 48 heures ; 3,5 % du PIB.', [])
        .numbers,
    ).toBe(true);
    expect(
      survivalCheck(source, 'Electricidad en 1200 hogares en 48 horas; 3,5 % del PIB.', []).numbers,
    ).toBe(true);
    const lost = survivalCheck(
      source,
      'Strom für 1.200 Haushalte in 24 Stunden; 3,5 % des BIP.',
      [],
    );
    expect(lost.numbers).toBe(false);
    expect(lost.lost).toEqual(['48']);
  });

  it('wants each protected term as often as the source has it, case and all', () => {
    const check = survivalCheck('The JEF and the JEF.', 'La JEF y la Jef.', ['JEF']);
    expect(check.terms).toBe(false);
    expect(check.lost).toEqual(['JEF']);
    expect(survivalCheck('No terms here.', 'Sin términos.', ['JEF']).terms).toBe(true);
  });

  it('reads entities as text, so an escaped term or number still counts', () => {
    expect(survivalCheck('R&amp;D: 5 HIMARS', 'I+D: 5 HIMARS', ['HIMARS']).lost).toEqual([]);
  });
});
