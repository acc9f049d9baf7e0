import { z } from 'zod';
import { LANGUAGE_CODES, type LanguageCode } from './languages.ts';

/** Text in each of the six languages. */
export type LocalizedText = Readonly<Record<LanguageCode, string>>;

/**
 * How the newsroom presents itself on its pages, feeds, OPML list and desk: its name and
 * logo, its description and footer per language, and its accent colour.
 */
export interface SiteSettings {
  /** The newsroom's name, per language (most newsrooms use one name everywhere). */
  readonly name: LocalizedText;
  /** Absolute https URL, or a path on this site, of the logo shown beside the name. */
  readonly logoUrl: string | undefined;
  /** One or two sentences about the site, per language; a language left out gets a default. */
  readonly description: Partial<LocalizedText>;
  /** `#rrggbb`: links, the header's rule, the favicon. */
  readonly accentColor: string;
  /** A line of plain text at the foot of every page, per language; none when left out. */
  readonly footer: Partial<LocalizedText>;
}

const text = z.string().trim().min(1).max(500);

/** Plain text for every language, or an object of text per language code. */
const localizedSchema = z.union([
  text,
  z
    .object(Object.fromEntries(LANGUAGE_CODES.map((code) => [code, text.optional()])))
    .strict()
    .refine((o) => Object.values(o).some((v) => v !== undefined), 'names no language'),
]);

type LocalizedInput = z.output<typeof localizedSchema>;

const logoSchema = z.union([
  z.url({ protocol: /^https$/ }),
  z.string().regex(/^\/(?!\/)[^\s"<>\\]*$/, 'a path on this site'),
]);

const colorSchema = z
  .string()
  .trim()
  .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i)
  .transform((c) =>
    (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c).toLowerCase(),
  );

/**
 * The JSON file named by `SITE_CONFIG`; every member optional, no other member allowed.
 *
 * @example
 * siteConfigFileSchema.parse({ name: 'Kyiv Ledger', description: { en: 'News from Kyiv', uk: 'Новини з Києва' } });
 */
export const siteConfigFileSchema = z
  .object({
    name: localizedSchema.optional(),
    logoUrl: logoSchema.optional(),
    description: localizedSchema.optional(),
    accentColor: colorSchema.optional(),
    footer: localizedSchema.optional(),
  })
  .strict();

/** What `SITE_CONFIG` and the `SITE_*` variables say, before defaults are applied. */
export type SiteSettingsInput = z.output<typeof siteConfigFileSchema>;

/** The site settings' parsers, for the `SITE_*` configuration variables. */
export const siteSettingSchemas = {
  /** Plain text, or a JSON object of text per language (`{"en":"…","uk":"…"}`). */
  localized: z.string().transform((raw, ctx): LocalizedInput => {
    let value: unknown = raw;
    if (raw.trim().startsWith('{')) {
      try {
        value = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'malformed JSON' });
        return z.NEVER;
      }
    }
    const parsed = localizedSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
      return z.NEVER;
    }
    return parsed.data;
  }),
  logoUrl: logoSchema,
  accentColor: colorSchema,
} as const;

const DEFAULT_NAME = 'Tidings';
const DEFAULT_ACCENT = '#0b5cad';

function perLanguage(value: LocalizedInput | undefined): Partial<Record<LanguageCode, string>> {
  if (value === undefined) return {};
  if (typeof value === 'string') {
    return Object.fromEntries(LANGUAGE_CODES.map((code) => [code, value]));
  }
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The site settings from `SITE_CONFIG`'s file and the `SITE_*` variables (a variable wins
 * over the file), with defaults: the name "Tidings" where none is given, the house blue.
 * A name given for some languages only is used for the others too (the first one given).
 *
 * @example
 * resolveSiteSettings({ name: 'Kyiv Ledger' }, {}).name.uk; // 'Kyiv Ledger'
 */
export function resolveSiteSettings(
  file: SiteSettingsInput,
  variables: SiteSettingsInput,
): SiteSettings {
  const merged = { ...file, ...stripUndefined(variables) };
  const names = perLanguage(merged.name);
  const fallbackName = names.en ?? Object.values(names)[0] ?? DEFAULT_NAME;
  return {
    name: Object.fromEntries(
      LANGUAGE_CODES.map((code) => [code, names[code] ?? fallbackName]),
    ) as Record<LanguageCode, string>,
    logoUrl: merged.logoUrl,
    description: perLanguage(merged.description),
    accentColor: merged.accentColor ?? DEFAULT_ACCENT,
    footer: perLanguage(merged.footer),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The settings of a site nobody configured: what tests and a fresh install show.
 *
 * @example
 * DEFAULT_SITE_SETTINGS.name.en; // 'Tidings'
 */
export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze(resolveSiteSettings({}, {}));
