import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LanguageDetectionError } from './errors.ts';
import { detectArticleLanguage, detectLanguage } from './language-detector.ts';

const seed = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/articles/${name}`, import.meta.url), 'utf8');

const PARAGRAPHS = {
  es: 'El ministro de Defensa anunció el martes que el país participará en las maniobras conjuntas de la alianza durante el próximo invierno.',
  de: 'Der Verteidigungsminister kündigte am Dienstag an, dass das Land im kommenden Winter an den gemeinsamen Übungen des Bündnisses teilnehmen wird.',
  fr: "Le ministre de la Défense a annoncé mardi que le pays participera aux manœuvres conjointes de l'alliance l'hiver prochain.",
  it: "Il ministro della Difesa ha annunciato martedì che il paese parteciperà alle esercitazioni congiunte dell'alleanza il prossimo inverno.",
  uk: 'Міністр оборони у вівторок оголосив, що країна наступної зими візьме участь у спільних навчаннях альянсу.',
} as const;

describe('detectLanguage', () => {
  it('reads both seed articles as English', () => {
    for (const name of ['chas-pravdy-jef.txt', 'jef-extended-partner.txt']) {
      const detection = detectLanguage(seed(name));
      expect(detection.language).toBe('en');
      expect(detection.confidence).toBeGreaterThan(0.8);
    }
  });

  it.each(Object.entries(PARAGRAPHS))('recognises a short %s paragraph', (language, text) => {
    expect(detectLanguage(text)).toMatchObject({ language });
  });

  it.each([
    ['es', 'El gobierno aprobó ayer la nueva ley de presupuestos.'],
    ['de', 'Die Regierung hat gestern das neue Haushaltsgesetz beschlossen.'],
    ['fr', 'Le gouvernement a adopté hier la nouvelle loi de finances.'],
    ['it', 'Il governo ha approvato ieri la nuova legge di bilancio.'],
    ['uk', 'Уряд учора ухвалив новий закон про бюджет.'],
    ['en', 'The government passed the new budget law yesterday.'],
  ])('recognises a one-sentence %s text', (language, text) => {
    expect(detectLanguage(text)).toMatchObject({ language });
  });

  it('does not pass Russian off as Ukrainian or Portuguese as Spanish', () => {
    expect(() =>
      detectLanguage(
        'Министр обороны во вторник объявил, что страна следующей зимой примет участие в совместных учениях альянса.',
      ),
    ).toThrow(LanguageDetectionError);
    expect(() =>
      detectLanguage(
        'O ministro da Defesa anunciou na terça-feira que o país vai participar nas manobras conjuntas da aliança no próximo inverno.',
      ),
    ).toThrow(LanguageDetectionError);
    expect(() => detectLanguage('Правительство вчера приняло новый закон о бюджете.')).toThrow(
      LanguageDetectionError,
    );
  });

  it.each([
    [
      'Dutch',
      'Nederland heeft besloten om volgend jaar deel te nemen aan de gezamenlijke oefeningen van de alliantie.',
    ],
    [
      'Polish',
      'Minister obrony ogłosił we wtorek, że kraj weźmie udział we wspólnych ćwiczeniach sojuszu następnej zimy.',
    ],
    [
      'Romanian',
      'Ministrul apărării a anunțat marți că țara va participa la exercițiile comune ale alianței iarna viitoare.',
    ],
    [
      'Czech',
      'Ministr obrany v úterý oznámil, že se země příští zimu zúčastní společných cvičení aliance.',
    ],
  ])('does not pass %s off as one of the six', (_, text) => {
    expect(() => detectLanguage(text)).toThrow(LanguageDetectionError);
  });

  it('refuses to guess from too little text', () => {
    expect(() => detectLanguage('JEF NATO')).toThrow(LanguageDetectionError);
    try {
      detectLanguage('Hola');
    } catch (error) {
      expect(error).toMatchObject({ code: 'too_short' });
    }
  });

  it('refuses a text split between languages below the threshold', () => {
    const mixed = `${PARAGRAPHS.es}\n${PARAGRAPHS.de}\n${PARAGRAPHS.fr}`;
    expect(() => detectLanguage(mixed, { threshold: 0.6 })).toThrow(/Cannot tell the language/);
  });

  it('reads an article body through its HTML', () => {
    expect(
      detectArticleLanguage({
        title: 'Navigation',
        summary: '',
        body: `<p>${PARAGRAPHS.it}</p><p><a href="https://example.org/english-words-in-url">link</a></p>`,
        categories: [],
      }).language,
    ).toBe('it');
  });
});
