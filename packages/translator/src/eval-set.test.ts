import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGE_CODES } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { TranslatorConfigError } from './errors.ts';
import { loadEvalSet } from './eval-set.ts';
import { survivalCheck } from './survival-check.ts';

const set = await loadEvalSet();
const MARKUP = /<(a|em|strong)\b/;
const NUMBER = /\d/;

describe('the shipped test set', () => {
  it('has at least 60 sentences, a third with links or emphasis and a third with numbers', () => {
    expect(set.sentences.length).toBeGreaterThanOrEqual(60);
    expect(new Set(set.sentences.map((s) => s.id)).size).toBe(set.sentences.length);
    const third = set.sentences.length / 3;
    expect(set.sentences.filter((s) => MARKUP.test(s.en)).length).toBeGreaterThanOrEqual(third);
    expect(set.sentences.filter((s) => NUMBER.test(s.en)).length).toBeGreaterThanOrEqual(third);
  });

  it('is parallel: every reference keeps the English markup, numbers and protected terms', () => {
    const broken = set.sentences.flatMap((s) =>
      LANGUAGE_CODES.filter((code) => code !== 'en').flatMap((code) => {
        const { lost } = survivalCheck(s.en, s[code], set.terms);
        return lost.length > 0 ? [`${s.id} ${code}: ${lost.join(', ')}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('writes the Ukrainian apostrophe as ʼ and French high punctuation after a no-break space', () => {
    for (const s of set.sentences) {
      expect(s.uk, s.id).not.toMatch(/\p{L}['’]\p{L}/u);
      expect(s.fr.replace(/<[^>]+>/g, ''), s.id).not.toMatch(/(?:\S|[ ])[?!;:](?!\/)/u);
    }
  });
});

describe('loadEvalSet', () => {
  it('names the file and the field of a set that lacks a language', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-set-'));
    const path = join(dir, 'set.json');
    await writeFile(path, JSON.stringify({ sentences: [{ id: 'a', en: 'Hello.' }] }));
    await expect(loadEvalSet(path)).rejects.toThrow(TranslatorConfigError);
    await expect(loadEvalSet(path)).rejects.toThrow(`${path}: sentences.0.es`);
  });

  it('names a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-set-'));
    const path = join(dir, 'set.json');
    await writeFile(path, '{');
    await expect(loadEvalSet(path)).rejects.toThrow(/cannot read it as JSON/);
  });
});
