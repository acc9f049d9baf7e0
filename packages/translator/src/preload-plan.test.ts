import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_MAP, type ModelMap } from './model-map.ts';
import { preloadPlan, servedDirections } from './preload-plan.ts';

describe('preloadPlan', () => {
  it('loads each model once, the ones serving most directions first', () => {
    // es→uk and de→uk pivot through English: en-uk serves three directions, es-en two.
    const plan = preloadPlan(
      DEFAULT_MODEL_MAP,
      [
        ['en', 'uk'],
        ['es', 'uk'],
        ['de', 'uk'],
        ['es', 'en'],
      ],
      6,
    );
    expect(plan.steps.map((s) => s.model)).toEqual([
      'Xenova/opus-mt-en-uk',
      'Xenova/opus-mt-es-en',
      'Xenova/opus-mt-de-en',
    ]);
    expect(plan.left).toEqual([]);
  });

  it('loads no more than the cache keeps, and says which are left to their first job', () => {
    const plan = preloadPlan(DEFAULT_MODEL_MAP, servedDirections(['en', 'es', 'de', 'fr']), 4);
    expect(plan.steps).toHaveLength(4);
    expect(plan.left.length).toBeGreaterThan(0);
    expect(new Set([...plan.steps.map((s) => s.model), ...plan.left]).size).toBe(
      plan.steps.length + plan.left.length,
    );
  });

  it('keeps the prefix a multi-target model needs, and lists directions without a route', () => {
    // A map with no fr→en route (parseModelMap would refuse it; a preload plan must not throw).
    const map: ModelMap = {
      pivot: 'en',
      pairs: { 'en-fr': { model: 'Helsinki-NLP/opus-mt-en-ROMANCE', prefix: '>>fra<<' } },
    };
    const plan = preloadPlan(
      map,
      [
        ['en', 'fr'],
        ['fr', 'en'],
      ],
      6,
    );
    expect(plan.steps).toEqual([
      { model: 'Helsinki-NLP/opus-mt-en-ROMANCE', from: 'en', to: 'fr', prefix: '>>fra<<' },
    ]);
    expect(plan.unrouted).toEqual(['fr-en']);
  });
});

describe('servedDirections', () => {
  it('is every ordered pair of different languages', () => {
    expect(servedDirections(['en', 'es', 'uk'])).toEqual([
      ['en', 'es'],
      ['en', 'uk'],
      ['es', 'en'],
      ['es', 'uk'],
      ['uk', 'en'],
      ['uk', 'es'],
    ]);
  });
});
