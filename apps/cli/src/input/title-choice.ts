/** Which line of a plain-text article became its title, what was passed over, and doubts. */
export interface TitleChoice {
  /** The title chosen. */
  readonly title: string;
  /** Its line number in the file, from 1. */
  readonly line: number;
  /** The navigation lines passed over before it (a language menu, bullets, credits). */
  readonly skipped: readonly string[];
  /** Why the title may be wrong: it looks like a menu, or it is very short. */
  readonly warnings: readonly string[];
}

const BULLETS = '•·▪◦‣∙●○■□*|>»–—\\-';
const BULLET_ONLY = new RegExp(`^[${BULLETS}\\s]+$`, 'u');
/** A bullet and a token of a menu: `• En`, `- Ук`, `| DE`. */
const MENU_ITEM = new RegExp(`^[${BULLETS}]\\s*[\\p{L}\\p{N}]{1,3}\\.?$`, 'u');
/**
 * A menu on one line, three items or more, with or without bullets around them:
 * `En Es De Fr It Ук`, `EN | ES | DE`, `• En • Es • De • Fr • It • Ук`.
 */
const MENU_LINE = new RegExp(
  `^[${BULLETS}\\s]*\\p{L}{2,3}(?:[${BULLETS}\\s/,]+\\p{L}{2,3}){2,}[${BULLETS}\\s]*$`,
  'u',
);
/** Credits and sources that scraped text repeats around an article. */
const CREDIT = /^(source|sources|photo|photos|image|credit|credits|read also|джерело|фото)\s*:/iu;

/** Fewer characters than this, and a title is probably not the headline. */
const SHORT_TITLE = 15;

/**
 * Whether a line of scraped text is navigation rather than the article's headline: a bullet
 * alone or with a short menu item ("• En"), a language menu on one line, a credit such as
 * "Source: …", or any line the text repeats.
 *
 * @example
 * isNavigationLine('• En', 1); // true
 * isNavigationLine('Ukraine joins the JEF', 1); // false
 */
export function isNavigationLine(line: string, occurrences: number): boolean {
  const text = line.trim();
  return (
    BULLET_ONLY.test(text) ||
    MENU_ITEM.test(text) ||
    MENU_LINE.test(text) ||
    CREDIT.test(text) ||
    occurrences > 1
  );
}

/**
 * Chooses the title of a plain-text article: its first line that is not navigation (see
 * {@link isNavigationLine}); when every line is, the first one, with a warning. Warns too of a
 * very short title.
 *
 * @example
 * chooseTitle(['• En', '• Es', '', 'Ukraine joins the JEF', 'Text.']);
 * // { title: 'Ukraine joins the JEF', line: 4, skipped: ['• En', '• Es'], warnings: [] }
 */
export function chooseTitle(lines: readonly string[]): TitleChoice | undefined {
  const numbered = lines
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text);
  if (numbered.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const { text } of numbered) counts.set(text, (counts.get(text) ?? 0) + 1);
  const index = numbered.findIndex((l) => !isNavigationLine(l.text, counts.get(l.text) ?? 0));
  const chosen = numbered[Math.max(index, 0)] ?? { text: '', line: 1 };
  const warnings: string[] = [];
  if (index < 0) {
    warnings.push(
      `the title "${chosen.text}" looks like a navigation menu, not a headline (every line looks like one): give the title with --title`,
    );
  } else if (chosen.text.length < SHORT_TITLE) {
    warnings.push(
      `the title "${chosen.text}" is very short (${chosen.text.length} characters): is it the headline? Give the title with --title`,
    );
  }
  return {
    title: chosen.text,
    line: chosen.line,
    skipped: index > 0 ? numbered.slice(0, index).map((l) => l.text) : [],
    warnings,
  };
}
