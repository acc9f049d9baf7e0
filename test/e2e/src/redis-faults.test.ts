import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleView, getArticle, postArticle, untilFinal } from './harness/article-client.ts';
import { freePort } from './harness/free-port.ts';
import { PrivateRedis } from './harness/private-redis.ts';
import { seedArticle } from './harness/seed-article.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const seed = seedArticle('chasPravdy');
const TARGETS = ['es', 'de', 'fr', 'it', 'uk'];
const scratch = mkdtempSync(join(tmpdir(), 'tidings-redis-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each([
  { persistent: true, what: 'append-only, fsync every second' },
  { persistent: false, what: 'no persistence: the kill loses every queued job' },
])('Redis ($what) killed with SIGKILL mid-run', ({ persistent }) => {
  let redis: PrivateRedis;
  let tidings: Installation;
  let publisher: string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(), join(scratch, String(persistent)), persistent);
    await redis.start();
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      MODELS_DIR: models.dictionaryModelsDir,
      RECONCILE_INTERVAL_MS: '1000',
      RECONCILE_OVERDUE_MS: '3000',
    });
    await tidings.startApi();
    await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await tidings?.destroy();
    await redis?.kill();
  });

  it('answers 503 while Redis is down, and every article accepted before reaches a final state', async () => {
    const accepted: ArticleView[] = [];
    for (let i = 0; i < 3; i++) {
      const body = { ...seed, title: `${seed.title} ${i}`, language: 'en' };
      accepted.push(await postArticle(tidings, publisher, body));
    }
    // The kill must catch work in flight, or it proves nothing.
    const last = await getArticle(tidings, publisher, accepted.at(-1)?.id ?? '');
    expect(Object.values(last.languages).some((l) => l.status === 'queued')).toBe(true);
    await redis.kill();
    // Once the API has noticed (its readiness says so), a POST is refused; in the moment
    // before, it may still be accepted into the outbox, which is just as safe.
    await eventually(
      async () => (await fetch(`${tidings.url}/readyz`)).status === 503 || undefined,
      10_000,
      'the API to notice',
    );

    // No hang: the API answers at once, with problem+json, having stored nothing.
    const started = Date.now();
    const refused = await tidings.call('POST', '/v1/articles', publisher, {
      ...seed,
      language: 'en',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    await redis.start();
    // API and worker reconnect by themselves; the outbox and the reconciler recover what the
    // queue lost with the kill.
    await eventually(
      async () => (await fetch(`${tidings.url}/readyz`)).status === 200 || undefined,
      30_000,
      'readiness',
    );
    for (const article of accepted) {
      const done = await untilFinal(tidings, publisher, article.id, 180_000);
      for (const lang of TARGETS) {
        expect(done.languages[lang]?.status, `${article.id} ${lang}`).toBe('published');
      }
    }
    const after = await postArticle(tidings, publisher, {
      ...seed,
      title: 'After',
      language: 'en',
    });
    const done = await untilFinal(tidings, publisher, after.id, 120_000);
    for (const lang of TARGETS) expect(done.languages[lang]?.status).toBe('published');
  });
});
