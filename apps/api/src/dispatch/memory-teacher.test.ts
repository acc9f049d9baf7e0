import { createLogger } from '@tidings/core';
import { createRedisConnection, whenReady } from '@tidings/queue';
import { PrivateRedis } from '@tidings/queue/testing';
import { TranslationMemory } from '@tidings/translator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { MemoryTeacher } from './memory-teacher.ts';

/** Until the connection answers again (its state may still say ready from before the outage). */
async function untilAnswers(redis: ReturnType<typeof createRedisConnection>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await redis.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('the private redis-server did not come back');
}

let h: ApiHarness;
let teacher: MemoryTeacher | undefined;
let server: PrivateRedis;
let memoryRedis: ReturnType<typeof createRedisConnection>;
let memory: TranslationMemory;

beforeAll(async () => {
  // A redis-server of its own, which the test kills and starts again.
  server = await PrivateRedis.start();
  memoryRedis = createRedisConnection(server.url, 'producer');
  // The outage is this test's doing; its connection errors are expected.
  memoryRedis.on('error', () => undefined);
  await whenReady(memoryRedis, 10_000);
  memory = new TranslationMemory(memoryRedis, { prefix: 'test:teacher:tm:' });
  const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
  h = await apiHarness({
    teacher: (store) => {
      teacher = new MemoryTeacher({ store, memory, logger, intervalMs: 60_000, timeoutMs: 1_000 });
      return teacher;
    },
  });
}, 60_000);
afterAll(async () => {
  await teacher?.stop();
  memoryRedis?.disconnect();
  await server?.stop();
  await h?.close();
});

describe('corrections teach the translation memory', () => {
  it('answers an edit at once while Redis is down, and teaches it once Redis is back', async () => {
    const posted = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Storm',
      body: '<p>The minister spoke. The house agreed.</p>',
      language: 'en',
    });
    const { id } = (await posted.json()) as { id: string };
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'es',
      revision: 1,
      content: {
        title: 'Tormenta',
        summary: '',
        body: '<p>El ministro spoke. El house agreed.</p>',
        categories: [],
      },
      model: 'Xenova/opus-mt-en-es',
      status: 'published',
    });

    await server.kill();
    const started = Date.now();
    const put = await h.call('PUT', `/v1/articles/${id}/es`, h.keys.editor, {
      title: 'Tormenta',
      summary: '',
      body: '<p>La ministra habló. La cámara aceptó.</p>',
      categories: [],
    });
    expect(put.status).toBe(200);
    // Stored and answered without waiting for Redis (the teacher gives it 1 s).
    expect(Date.now() - started).toBeLessThan(900);
    expect(await put.json()).toMatchObject({
      status: 'edited',
      origins: { human: 3, humanMemory: 0, machineMemory: 0, model: 0 },
    });
    // The pass the edit started finds Redis away: nothing learnt, the lesson kept.
    expect(await teacher?.runOnce(0)).toBe(0);
    const [waiting] = (await h.store.listMemoryLessons({ olderThanMs: 0 })).filter(
      (l) => l.articleId === id,
    );
    expect(waiting?.attempts).toBeGreaterThanOrEqual(1);

    await server.restart();
    await untilAnswers(memoryRedis);
    expect(await teacher?.runOnce(0)).toBe(1);
    expect(
      await memory.getHuman([
        { from: 'en', to: 'es', text: 'The minister spoke.' },
        { from: 'en', to: 'es', text: 'The house agreed.' },
        { from: 'en', to: 'es', text: 'Storm' },
      ]),
    ).toEqual(['La ministra habló.', 'La cámara aceptó.', 'Tormenta']);
    expect(await h.store.listMemoryLessons({ olderThanMs: 0 })).toEqual([]);
  }, 60_000);

  it('teaches an approval as it is (no edit): the machine wording becomes a human entry', async () => {
    const posted = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Calm',
      body: '<p>The day was quiet.</p>',
      language: 'en',
    });
    const { id } = (await posted.json()) as { id: string };
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      content: { title: 'Ruhe', summary: '', body: '<p>Der Tag war ruhig.</p>', categories: [] },
      model: 'Xenova/opus-mt-en-de',
      status: 'needs_review',
      reason: 'a quality gate',
    });
    const approved = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor);
    expect(approved.status).toBe(200);
    await teacher?.runOnce(0);
    expect(await memory.getHuman([{ from: 'en', to: 'de', text: 'The day was quiet.' }])).toEqual([
      'Der Tag war ruhig.',
    ]);
  });
});
