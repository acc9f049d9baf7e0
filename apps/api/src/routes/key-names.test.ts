import { describe, expect, it } from 'vitest';
import { keyRef } from './key-names.ts';

describe('keyRef', () => {
  it('names a key by its id, and a key it has no name for null, beside its id', () => {
    const id = 'f3b1c2d4-0000-4000-8000-000000000001';
    expect(keyRef(id, new Map([[id, 'German desk']]))).toEqual({ id, name: 'German desk' });
    expect(keyRef(id, new Map())).toEqual({ id, name: null });
    expect(keyRef(null, new Map())).toBeNull();
  });
});
