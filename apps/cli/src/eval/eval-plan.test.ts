import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.ts';
import { evalPlan } from './eval-plan.ts';

const SIX = ['en', 'es', 'de', 'fr', 'it', 'uk'] as const;

describe('evalPlan', () => {
  it('measures every direction served with the map and weights in force by default', () => {
    const plan = evalPlan({}, SIX, 'fp32', 'built-in');
    expect(plan.directions).toHaveLength(30);
    expect(plan.variants).toEqual([{ label: 'built-in fp32', modelMap: undefined, dtype: 'fp32' }]);
  });

  it('narrows the directions with --from and --to, and compares every map with every dtype', () => {
    const plan = evalPlan(
      { from: 'en', to: 'ES, uk', modelMap: ['/etc/a.json', '/etc/b.json'], dtype: ['fp32', 'q8'] },
      SIX,
      'fp32',
      'built-in',
    );
    expect(plan.directions).toEqual([
      ['en', 'es'],
      ['en', 'uk'],
    ]);
    expect(plan.variants.map((v) => v.label)).toEqual([
      'a.json fp32',
      'a.json q8',
      'b.json fp32',
      'b.json q8',
    ]);
  });

  it('refuses, as usage errors, a language not served, no direction left, and an unknown dtype', () => {
    const usage = (run: () => unknown, message: RegExp) => {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).exitCode).toBe(2);
        expect((error as CliError).message).toMatch(message);
      }
    };
    usage(
      () => evalPlan({ to: 'fr' }, ['en', 'es'], 'fp32', 'x'),
      /^--to "fr": expected languages served, comma-separated: en, es \(LANGUAGES\)$/,
    );
    usage(() => evalPlan({ from: 'en', to: 'en' }, SIX, 'fp32', 'x'), /leave no direction/);
    usage(
      () => evalPlan({ dtype: ['fp8'] }, SIX, 'fp32', 'x'),
      /^--dtype "fp8": expected one of fp32, fp16, q8, int8, uint8, q4$/,
    );
  });
});
