import type { LanguageCode } from '@tidings/core';
import { type ModelMap, type RouteStep, resolveRoute } from './model-map.ts';

// What a worker loads before its first job (PRELOAD_MODELS): the directions it serves, and the
// models that serve them, most used first.

/**
 * Every direction between the languages served, in their order (`en-es`, `en-de`, … `uk-it`).
 *
 * @example
 * servedDirections(['en', 'es']); // [['en', 'es'], ['es', 'en']]
 */
export function servedDirections(
  languages: readonly LanguageCode[],
): [LanguageCode, LanguageCode][] {
  return languages.flatMap((from) =>
    languages.filter((to) => to !== from).map((to) => [from, to] as [LanguageCode, LanguageCode]),
  );
}

/** Which models a worker loads at start, and which it leaves to the first job that needs them. */
export interface PreloadPlan {
  /** One route step per model to load (the step its warm-up runs), most used first. */
  readonly steps: readonly RouteStep[];
  /** Models the directions need beyond what the cache keeps (MODEL_CACHE_SIZE): loaded on demand. */
  readonly left: readonly string[];
  /** Directions without a route in the model map (nothing to load for them). */
  readonly unrouted: readonly string[];
}

/**
 * The models that serve `directions` (`from-to`), each once, ordered by how many of the
 * directions use it (a pivot model serves several), ties in the order of the directions;
 * at most `cacheSize` of them, since loading more would unload the first ones again.
 *
 * @example
 * preloadPlan(DEFAULT_MODEL_MAP, [['en', 'es'], ['es', 'de']], 6).steps.map((s) => s.model);
 * // ['Xenova/opus-mt-en-es', 'Xenova/opus-mt-es-en', 'Xenova/opus-mt-en-de']
 */
export function preloadPlan(
  map: ModelMap,
  directions: readonly (readonly [LanguageCode, LanguageCode])[],
  cacheSize: number,
): PreloadPlan {
  const uses = new Map<string, { step: RouteStep; count: number; first: number }>();
  const unrouted: string[] = [];
  for (const [from, to] of directions) {
    let route: RouteStep[];
    try {
      route = resolveRoute(map, from, to);
    } catch {
      unrouted.push(`${from}-${to}`);
      continue;
    }
    for (const step of route) {
      const seen = uses.get(step.model);
      if (seen) seen.count++;
      else uses.set(step.model, { step, count: 1, first: uses.size });
    }
  }
  const ordered = [...uses.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const keep = Math.max(0, cacheSize);
  return {
    steps: ordered.slice(0, keep).map((u) => u.step),
    left: ordered.slice(keep).map((u) => u.step.model),
    unrouted,
  };
}
