import { readFile } from 'node:fs/promises';
import { DEMO_MODEL_OWNER, LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { z } from 'zod';
import { TranslationInputError, TranslatorConfigError } from './errors.ts';
import { parseConfigData } from './parse-config-data.ts';

const languageCode = z.enum(LANGUAGE_CODES);
/** A hub id (`owner/name`) or a single directory name under MODELS_DIR. */
const modelId = z
  .string()
  .regex(/^[\w.-]+(\/[\w.-]+)?$/, 'a model id such as Xenova/opus-mt-en-es')
  .refine((id) => !id.split('/').includes('..'), 'a model id without ".."');
const pairKey = z
  .string()
  .regex(/^(en|es|de|fr|it|uk)-(en|es|de|fr|it|uk)$/, 'a pair such as "en-es"')
  .refine((key) => key.slice(0, 2) !== key.slice(3), 'a pair of two different languages');
const pairModel = z.union([
  modelId,
  z.strictObject({
    model: modelId,
    /** Text put before every input, e.g. `>>fra<<` for Opus-MT models with several targets. */
    prefix: z.string().optional(),
  }),
]);

/**
 * JSON shape of a model map (MODEL_MAP). `pairs` names a model per direction; `multilingual`
 * serves every direction `pairs` does not, with its own language codes (NLLB's `eng_Latn`);
 * any direction still missing goes through `pivot` (English) when both halves exist.
 *
 * @example
 * modelMapSchema.parse({ pairs: { 'en-es': 'Xenova/opus-mt-en-es', 'es-en': 'Xenova/opus-mt-es-en' } });
 */
export const modelMapSchema = z.strictObject({
  pivot: languageCode.default('en'),
  pairs: z.record(pairKey, pairModel).default({}),
  multilingual: z
    .strictObject({
      model: modelId,
      codes: z.partialRecord(languageCode, z.string().min(1)),
    })
    .optional(),
});

/** A validated model map. */
export type ModelMap = z.output<typeof modelMapSchema>;

/** The Opus-MT conversions that exist on the hub (DESIGN.md); every other pair pivots. */
const OPUS_MT_PAIRS = [
  'en-es',
  'es-en',
  'en-de',
  'de-en',
  'en-fr',
  'fr-en',
  'en-it',
  'it-en',
  'en-uk',
  'uk-en',
  'de-es',
  'es-de',
  'es-fr',
  'fr-es',
  'de-fr',
  'fr-de',
  'es-it',
  'it-es',
  'it-fr',
] as const;

/**
 * The built-in model map: direct `Xenova/opus-mt-{src}-{tgt}` models, English pivot for the rest.
 *
 * @example
 * DEFAULT_MODEL_MAP.pairs['en-es']; // 'Xenova/opus-mt-en-es'
 */
export const DEFAULT_MODEL_MAP: ModelMap = Object.freeze({
  pivot: 'en',
  pairs: Object.fromEntries(
    OPUS_MT_PAIRS.map((pair) => [pair, `Xenova/opus-mt-${pair}`]),
  ) as ModelMap['pairs'],
});

/**
 * The model map of `MODELS=demo`: the same directions as the built-in map, served by the
 * dictionary models the repository builds (`tidings-demo/opus-mt-{src}-{tgt}`), so every
 * translation they make says in its model that it is a demo one.
 *
 * @example
 * DEMO_MODEL_MAP.pairs['en-es']; // 'tidings-demo/opus-mt-en-es'
 */
export const DEMO_MODEL_MAP: ModelMap = Object.freeze({
  pivot: 'en',
  pairs: Object.fromEntries(
    OPUS_MT_PAIRS.map((pair) => [pair, `${DEMO_MODEL_OWNER}/opus-mt-${pair}`]),
  ) as ModelMap['pairs'],
});

/**
 * Validates a model map given as data, and checks that every direction between the
 * `languages` served (default the six: 30 directions) has a route. Throws a
 * {@link TranslatorConfigError} naming the problem.
 *
 * @example
 * parseModelMap({ multilingual: { model: 'Xenova/nllb-200-distilled-600M', codes: NLLB_CODES } });
 */
export function parseModelMap(
  data: unknown,
  source = '<inline>',
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): ModelMap {
  const map = parseConfigData(modelMapSchema, data, source);
  const codes = map.multilingual?.codes;
  if (map.multilingual && codes) {
    const missing = languages.filter((code) => !codes[code]);
    if (missing.length > 0) {
      throw new TranslatorConfigError(source, `multilingual.codes lacks ${missing.join(', ')}`);
    }
  }
  const unroutable: string[] = [];
  for (const from of languages) {
    for (const to of languages) {
      if (from !== to && !hasRoute(map, from, to)) unroutable.push(`${from}-${to}`);
    }
  }
  if (unroutable.length > 0) {
    throw new TranslatorConfigError(
      source,
      `no model and no pivot route for ${unroutable.join(', ')}`,
    );
  }
  return map;
}

/**
 * Reads and validates a model map JSON file (the MODEL_MAP option) for the `languages` served.
 *
 * @example
 * const map = await loadModelMap('/etc/tidings/models.json');
 */
export async function loadModelMap(
  path: string,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): Promise<ModelMap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TranslatorConfigError(path, 'cannot read the file', { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TranslatorConfigError(path, `not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseModelMap(data, path, languages);
}

function direct(map: ModelMap, from: LanguageCode, to: LanguageCode): boolean {
  return map.pairs[`${from}-${to}`] !== undefined || map.multilingual !== undefined;
}

function hasRoute(map: ModelMap, from: LanguageCode, to: LanguageCode): boolean {
  return direct(map, from, to) || (direct(map, from, map.pivot) && direct(map, map.pivot, to));
}

/** One model run: which model, from which language into which, with which codes. */
export interface RouteStep {
  /** Model id, relative to MODELS_DIR (e.g. `Xenova/opus-mt-en-es`). */
  readonly model: string;
  readonly from: LanguageCode;
  readonly to: LanguageCode;
  /** Text put before every input (Opus-MT multi-target models: `>>fra<<`). */
  readonly prefix?: string | undefined;
  /** Language codes a multilingual model wants (`src_lang`, `tgt_lang`). */
  readonly srcLang?: string | undefined;
  readonly tgtLang?: string | undefined;
}

/**
 * The model runs that translate `from` into `to`: one step for a direct model, two when the
 * direction pivots (the first step is the same for every pivoted target, so its output is shared).
 *
 * @example
 * resolveRoute(DEFAULT_MODEL_MAP, 'es', 'uk').map((s) => s.model);
 * // ['Xenova/opus-mt-es-en', 'Xenova/opus-mt-en-uk']
 */
export function resolveRoute(map: ModelMap, from: LanguageCode, to: LanguageCode): RouteStep[] {
  if (from === to) {
    throw new TranslationInputError('same_language', `Cannot translate ${from} into itself`, {
      language: from,
    });
  }
  const step = directStep(map, from, to);
  if (step) return [step];
  const first = directStep(map, from, map.pivot);
  const second = directStep(map, map.pivot, to);
  if (first && second) return [first, second];
  throw new TranslationInputError('no_route', `The model map has no route from ${from} to ${to}`, {
    from,
    to,
  });
}

function directStep(map: ModelMap, from: LanguageCode, to: LanguageCode): RouteStep | undefined {
  if (from === to) return undefined;
  const pair = map.pairs[`${from}-${to}`];
  if (typeof pair === 'string') return { model: pair, from, to };
  if (pair) return { model: pair.model, from, to, prefix: pair.prefix };
  const multi = map.multilingual;
  if (multi) {
    return { model: multi.model, from, to, srcLang: multi.codes[from], tgtLang: multi.codes[to] };
  }
  return undefined;
}
