import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranslationMemory } from './translation-memory.ts';

const prefix = `test:translator:memory:${process.pid}:${Date.now()}:`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const entry = {
  model: 'Xenova/opus-mt-en-es',
  from: 'en',
  to: 'es',
  text: 'The <g1> minister </g1> said.',
} as const;

describe('TranslationMemory', () => {
  it('answers a segment it has stored, and nothing for one it has not', async () => {
    const memory = new TranslationMemory(redis, { prefix });
    await memory.set([{ ...entry, translation: 'El <g1> ministro </g1> dijo.' }]);
    expect(await memory.get([entry, { ...entry, text: 'Something else.' }])).toEqual([
      'El <g1> ministro </g1> dijo.',
      undefined,
    ]);
  });

  it('keys by model and direction, and ignores differences of whitespace only', async () => {
    const memory = new TranslationMemory(redis, { prefix });
    expect(memory.key({ ...entry, text: '  The <g1>  minister </g1> said. ' })).toBe(
      memory.key(entry),
    );
    expect(memory.key({ ...entry, to: 'de' })).not.toBe(memory.key(entry));
    expect(memory.key({ ...entry, model: 'other' })).not.toBe(memory.key(entry));
    expect(memory.key(entry).startsWith(`${prefix}v1:Xenova/opus-mt-en-es:en:es:`)).toBe(true);
  });

  it('sets the TTL it is given, or none', async () => {
    const expiring = new TranslationMemory(redis, { prefix, ttlSeconds: 60 });
    await expiring.set([{ ...entry, text: 'ttl', translation: 'x' }]);
    const ttl = await redis.ttl(expiring.key({ ...entry, text: 'ttl' }));
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
    const forever = new TranslationMemory(redis, { prefix, ttlSeconds: 0 });
    await forever.set([{ ...entry, text: 'forever', translation: 'x' }]);
    expect(await redis.ttl(forever.key({ ...entry, text: 'forever' }))).toBe(-1);
  });

  it('does nothing for empty lists', async () => {
    const memory = new TranslationMemory(redis, { prefix });
    expect(await memory.get([])).toEqual([]);
    await memory.set([]);
  });
});
