import type { LanguageCode } from '@tidings/core';
import type { ModelMap } from './model-map.ts';
import { TranslationInputError } from './translation-input-error.ts';

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
    throw new TranslationInputError('same_language', `Cannot translate ${from} into itself`);
  }
  const step = directStep(map, from, to);
  if (step) return [step];
  const first = directStep(map, from, map.pivot);
  const second = directStep(map, map.pivot, to);
  if (first && second) return [first, second];
  throw new TranslationInputError(
    'unsupported_language',
    `The model map has no route from ${from} to ${to}`,
  );
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
