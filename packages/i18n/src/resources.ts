import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';

/** A namespace's strings: nested objects of strings, as in `locales/{lang}/{ns}.json`. */
export interface Messages {
  readonly [key: string]: string | Messages;
}

/** Every language's namespaces, as i18next takes them. */
export type Resources = Record<LanguageCode, Record<string, Messages>>;

/** The directory holding `locales/{lang}/*.json`. */
export const LOCALES_DIR = fileURLToPath(new URL('../../../locales/', import.meta.url));

/**
 * Reads every `locales/{lang}/{namespace}.json` once.
 *
 * @example
 * loadResources().uk.common?.feed; // { title: '{{site}} — {{language}}', … }
 */
export function loadResources(dir: string = LOCALES_DIR): Resources {
  const resources = {} as Resources;
  for (const lang of LANGUAGE_CODES) {
    const namespaces: Record<string, Messages> = {};
    for (const file of readdirSync(new URL(`${lang}/`, `file://${dir}`)).sort()) {
      if (!file.endsWith('.json')) continue;
      const text = readFileSync(new URL(`${lang}/${file}`, `file://${dir}`), 'utf8');
      namespaces[file.slice(0, -'.json'.length)] = JSON.parse(text) as Messages;
    }
    resources[lang] = namespaces;
  }
  return resources;
}

/**
 * The `{{placeholders}}` a message uses, by name, each once, sorted (a formatted one,
 * `{{reason, capitalize}}`, by its name).
 *
 * @example
 * placeholdersOf('{{lang}} is {{status}}; {{lang}}'); // ['lang', 'status']
 */
export function placeholdersOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '')),
  ].sort();
}
