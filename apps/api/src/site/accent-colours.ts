type Rgb = readonly [number, number, number];

const LIGHT_PAPER: Rgb = [0xfd, 0xfc, 0xf9];
const DARK_PAPER: Rgb = [0x15, 0x18, 0x1c];
// WCAG 2 AA for body text; the site's links are body text.
const LEGIBLE = 4.5;

const parse = (hex: string): Rgb => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];
const format = (rgb: Rgb): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes the colour toward `toward` in small steps until it reads on `paper`. */
function legibleOn(colour: Rgb, paper: Rgb, toward: Rgb): Rgb {
  let mixed = colour;
  for (let step = 1; step <= 20 && contrast(mixed, paper) < LEGIBLE; step++) {
    const t = step / 20;
    mixed = colour.map((c, i) => c + ((toward[i] ?? 0) - c) * t) as unknown as Rgb;
  }
  return mixed;
}

/** The accent colour as the site can use it without failing anyone's eyes. */
export interface AccentColours {
  /** The configured colour, for surfaces (the header's rule, the favicon). */
  readonly accent: string;
  /** Links and text on the light background: the accent, darkened until it reads (4.5:1). */
  readonly onLight: string;
  /** The same on the dark background, lightened. */
  readonly onDark: string;
  /** Black or white, whichever reads better on the accent itself. */
  readonly ink: string;
}

/**
 * The newsroom's accent colour, adjusted for text where it would not be legible (WCAG AA), so
 * that a pale brand colour never makes links unreadable.
 *
 * @example
 * accentColours('#ffd700').onLight; // a dark gold that reads on the light page
 */
export function accentColours(hex: string): AccentColours {
  const colour = parse(hex);
  const white: Rgb = [255, 255, 255];
  const black: Rgb = [0, 0, 0];
  return {
    accent: hex,
    onLight: format(legibleOn(colour, LIGHT_PAPER, black)),
    onDark: format(legibleOn(colour, DARK_PAPER, white)),
    ink: contrast(colour, white) >= contrast(colour, black) ? '#ffffff' : '#000000',
  };
}
