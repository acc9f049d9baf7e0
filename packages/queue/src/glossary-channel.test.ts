import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  publishedGlossaryVersion,
  publishGlossary,
  readPublishedGlossary,
} from './glossary-channel.ts';

const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `test:glossary-channel:${process.pid}:${Date.now()}`;

afterAll(async () => {
  await redis.del(`${prefix}:glossary`, `${prefix}:glossary:version`);
  redis.disconnect();
});

describe('the published glossary', () => {
  it('is none until published, then the newest version wins unless forced', async () => {
    expect(await publishedGlossaryVersion(redis, prefix)).toBeNull();
    expect(await readPublishedGlossary(redis, prefix)).toBeNull();
    const two = { version: 2, terms: [{ source: 'JEF', caseSensitive: true }] };
    expect(await publishGlossary(redis, prefix, two)).toBe(true);
    expect(await publishedGlossaryVersion(redis, prefix)).toBe(2);
    expect(await publishGlossary(redis, prefix, { version: 1, terms: [] })).toBe(false);
    expect(await readPublishedGlossary(redis, prefix)).toEqual(two);
    expect(await publishGlossary(redis, prefix, { version: 1, terms: [] }, true)).toBe(true);
    expect(await readPublishedGlossary(redis, prefix)).toEqual({ version: 1, terms: [] });
  });
});
