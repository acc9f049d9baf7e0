import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TranslatorConfigError } from './errors.ts';
import { Glossary, loadGlossary, parseGlossary } from './glossary.ts';

const glossary = parseGlossary({
  terms: [
    { source: 'Shmyhal' },
    { source: 'Denys Shmyhal' },
    { source: 'JEF', translations: { uk: 'ОЕС' } },
    { source: 'telegram', caseSensitive: false },
    { source: 'Rada', from: 'uk' },
  ],
});

describe('Glossary', () => {
  it('finds the longest term, on word boundaries only', () => {
    const text = 'Denys Shmyhal and Shmyhal joined the JEF, not JEFF.';
    expect(glossary.find(text, 'en').map((m) => text.slice(m.start, m.end))).toEqual([
      'Denys Shmyhal',
      'Shmyhal',
      'JEF',
    ]);
  });

  it('matches case-insensitive terms in any case, and language-bound terms only there', () => {
    expect(glossary.find('On Telegram, the Rada said', 'en')).toHaveLength(1);
    expect(glossary.find('On TELEGRAM, the Rada said', 'uk')).toHaveLength(2);
  });

  it('renders a fixed translation where one is given, else the term itself', () => {
    const jef = glossary.terms.find((t) => t.source === 'JEF');
    expect(jef && glossary.render(jef, 'uk')).toBe('ОЕС');
    expect(jef && glossary.render(jef, 'de')).toBe('JEF');
  });

  it('finds nothing with an empty glossary', () => {
    expect(Glossary.EMPTY.find('Anything at all', 'en')).toEqual([]);
  });
});

describe('parseGlossary and loadGlossary', () => {
  it('name the file and the offending field', async () => {
    expect(() => parseGlossary({ terms: [{ source: '' }] })).toThrow(/<inline>: terms\.0\.source/);
    expect(() => parseGlossary({ terms: [{ source: 'x', translations: { ru: 'y' } }] })).toThrow(
      TranslatorConfigError,
    );
    const dir = await mkdtemp(join(tmpdir(), 'glossary-'));
    await writeFile(join(dir, 'bad.json'), '{ not json');
    await expect(loadGlossary(join(dir, 'bad.json'))).rejects.toThrow(
      /bad\.json: cannot read it as JSON/,
    );
    await writeFile(join(dir, 'good.json'), JSON.stringify({ terms: [{ source: 'Kyiv' }] }));
    expect((await loadGlossary(join(dir, 'good.json'))).terms).toEqual([
      { source: 'Kyiv', caseSensitive: true },
    ]);
  });
});
