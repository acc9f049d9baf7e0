import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storableText } from './storable-text.ts';

describe('storableText', () => {
  it('refuses a NUL character by code, and keeps the rules it wraps', () => {
    const schema = z.object({ q: storableText(z.string().trim().max(5)) });
    expect(schema.parse({ q: ' Kyiv ' })).toEqual({ q: 'Kyiv' });
    const nul = schema.safeParse({ q: 'a\u0000b' });
    expect(nul.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['q', 'nul-character'],
    ]);
    expect(schema.safeParse({ q: 'too long' }).success).toBe(false);
  });
});
