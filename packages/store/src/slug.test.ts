import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('transliterates Ukrainian headlines the way the national standard does', () => {
    expect(slugify('Україна приєдналася до JEF')).toBe('ukraina-pryiednalasia-do-jef');
    expect(slugify('Єнакієве, Їжакевич, Юрій, Яготин, Згурівка')).toBe(
      'yenakiieve-yizhakevych-yurii-yahotyn-zghurivka',
    );
    expect(slugify('Шмигаль: «Щит» для Ґалаґана')).toBe('shmyhal-shchyt-dlia-galagana');
    expect(slugify('П’ять років')).toBe('piat-rokiv');
  });

  it('drops accents and punctuation of Latin scripts', () => {
    expect(slugify('¿Qué pasó en Kyiv?')).toBe('que-paso-en-kyiv');
    expect(slugify('Größe & Maß — Ça va, Ærø!')).toBe('grosse-mass-ca-va-aero');
  });

  it('never returns an empty or overlong slug', () => {
    expect(slugify('¡¿…?!')).toBe('article');
    const long = slugify('слово '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
