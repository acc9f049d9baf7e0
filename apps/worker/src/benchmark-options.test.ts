import { readFileSync } from 'node:fs';
import { loadConfigOrExit } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { engineArgs, parseEngineArgs } from './benchmark-options.ts';

describe('benchmark options', () => {
  it('reach the engine through the argv the worker gives it, and nothing else', () => {
    const args = engineArgs({ gates: false, newTokens: 12 });
    expect(parseEngineArgs(args)).toEqual({ gates: false, newTokens: 12 });
    // Without options the engine gets no arguments, and everything is real.
    expect(engineArgs({})).toEqual([]);
    expect(engineArgs(undefined)).toEqual([]);
    expect(parseEngineArgs([])).toEqual({});
    // Only a gate turned off or a positive count is taken.
    expect(parseEngineArgs(['--benchmark', '{"gates":true,"newTokens":-1}'])).toEqual({});
  });

  it('cannot be set by the environment the env-driven main reads', () => {
    const env = {
      GATES: 'false',
      QUALITY_GATES: 'off',
      BENCHMARK: '{"gates":false}',
      NEW_TOKENS: '12',
      NEWTOKENS: '12',
    };
    const config = loadConfigOrExit(env, 'tidings-worker') as unknown as Record<string, unknown>;
    for (const key of ['gates', 'newTokens', 'benchmark']) expect(config).not.toHaveProperty(key);
    // main.ts starts the worker with the configuration alone: no second argument to fill.
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).toMatch(/^startWorker\(loadConfig\(\)\);$/m);
    expect(main.match(/startWorker\(/g)).toHaveLength(1);
  });
});
