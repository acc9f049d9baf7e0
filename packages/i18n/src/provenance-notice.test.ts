import { LANGUAGE_CODES, PROVENANCE_KINDS } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { provenanceNotice } from './provenance-notice.ts';

describe('provenanceNotice', () => {
  it("tells a Ukrainian reader it is a machine translation, naming the model and the original's language in Ukrainian", () => {
    const notice = provenanceNotice(
      { kind: 'machine', language: 'uk', sourceLanguage: 'en', model: 'Xenova/opus-mt-en-uk' },
      'uk',
    );
    expect(notice?.text).toBe(
      'Машинний переклад (Xenova/opus-mt-en-uk); редактор його ще не перевіряв. Мова оригіналу: англійська.',
    );
    expect(notice?.originalLink).toBe('Читати оригінал');
  });

  it('says no more than "not available" for a failed language, and offers no link to what is already shown', () => {
    const notice = provenanceNotice(
      { kind: 'unavailable', language: 'en', sourceLanguage: 'en', model: null },
      'es',
    );
    expect(notice?.text).toBe(
      'Este artículo no está disponible en este idioma; se muestra el original. Idioma original: inglés.',
    );
    expect(notice?.originalLink).toBeUndefined();
  });

  it('has nothing to say about an original, except in demonstration mode', () => {
    const original = {
      kind: 'original',
      language: 'de',
      sourceLanguage: 'de',
      model: null,
    } as const;
    expect(provenanceNotice(original, 'de')).toBeUndefined();
    expect(provenanceNotice(original, 'de', { demo: true })?.demo).toContain('Testmodellen');
  });

  it('tells the reader, in their language, that a demo model made the version', () => {
    const notice = provenanceNotice(
      {
        kind: 'machine',
        language: 'uk',
        sourceLanguage: 'en',
        model: 'tidings-demo/opus-mt-en-uk',
        demo: true,
      },
      'uk',
    );
    expect(notice?.demo).toBe(
      'Демонстраційний переклад: зроблено слово за словом тестовими моделями, а не справжньою моделлю перекладу.',
    );
  });

  it('has a sentence for every kind in every language, with no placeholder left over', () => {
    for (const reader of LANGUAGE_CODES) {
      for (const kind of PROVENANCE_KINDS) {
        const notice = provenanceNotice(
          { kind, language: reader, sourceLanguage: 'uk', model: 'm' },
          reader,
          { demo: true },
        );
        expect(`${notice?.text} ${notice?.demo}`, `${reader} ${kind}`).not.toMatch(
          /\{\{|provenance\.|undefined/,
        );
      }
    }
  });
});
