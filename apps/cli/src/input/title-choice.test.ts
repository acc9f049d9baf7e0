import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from './article-document.ts';
import { chooseTitle, isNavigationLine } from './title-choice.ts';

const seed = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/articles/${name}`, import.meta.url), 'utf8');

describe('chooseTitle', () => {
  it('passes over the language menu the scraped seed starts with, and says which line it chose', () => {
    const doc = readDocument(seed('chas-pravdy-jef.txt'), 'text', true);
    expect(doc.title).toBe(
      'Ukraine Gains New Strategic Partnership Status within International Military Alliances',
    );
    expect(doc.titleChoice).toMatchObject({
      line: 8,
      skipped: ['• En', '• Es', '• De', '• Fr', '• It', '• Ук'],
      warnings: [],
    });
    // The headline leaves the body; the menu stays where it was, for the editor to see.
    expect(doc.body).not.toContain('Ukraine Gains New Strategic');
    expect(doc.body.startsWith('<p>• En</p>')).toBe(true);
  });

  it('passes over bullet-only lines, a menu on one line and repeated credits', () => {
    const choice = chooseTitle([
      '•',
      'En Es De Fr It Ук',
      'Source: Defense Minister of Ukraine',
      '',
      'Ukraine joins the JEF defence alliance',
      'Source: Defense Minister of Ukraine',
    ]);
    expect(choice).toMatchObject({
      title: 'Ukraine joins the JEF defence alliance',
      line: 5,
      skipped: ['•', 'En Es De Fr It Ук', 'Source: Defense Minister of Ukraine'],
    });
  });

  // Was taken as the title, with no warning: "• En • Es • De • Fr • It • Ук".
  it('passes over a bulleted language menu on one line', () => {
    const choice = chooseTitle([
      '• En • Es • De • Fr • It • Ук',
      '• En • Es • De',
      'Source: Ukrinform',
      'Ukraine joins the JEF defence alliance',
    ]);
    expect(choice).toMatchObject({
      title: 'Ukraine joins the JEF defence alliance',
      line: 4,
      skipped: ['• En • Es • De • Fr • It • Ук', '• En • Es • De', 'Source: Ukrinform'],
      warnings: [],
    });
    expect(isNavigationLine('- EN - ES - DE -', 1)).toBe(true);
    expect(isNavigationLine('• Kyiv • Oslo • Riga', 1)).toBe(false);
    expect(isNavigationLine('• EU to open talks', 1)).toBe(false);
  });

  it('takes the first line of the other seed as it is', () => {
    const doc = readDocument(seed('jef-extended-partner.txt'), 'text', true);
    expect(doc.title).toBe("Ukraine joins Northern Europe's JEF defense alliance");
    expect(doc.titleChoice).toMatchObject({ line: 1, skipped: [], warnings: [] });
  });

  it('warns when the title looks like a menu or is very short', () => {
    expect(chooseTitle(['• En', '• Uk'])?.warnings).toEqual([
      'the title "• En" looks like a navigation menu, not a headline (every line looks like one): give the title with --title',
    ]);
    expect(chooseTitle(['Kyiv', 'Text of the article.'])?.warnings).toEqual([
      'the title "Kyiv" is very short (4 characters): is it the headline? Give the title with --title',
    ]);
  });

  it('keeps headlines that merely start with a bullet or a short word', () => {
    expect(isNavigationLine('• Ukraine joins the JEF', 1)).toBe(false);
    expect(isNavigationLine('EU to open talks', 1)).toBe(false);
    expect(isNavigationLine('• Ук', 1)).toBe(true);
  });
});
