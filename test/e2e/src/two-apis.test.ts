import type { LanguageCode } from '@tidings/core';
import { LANGUAGES } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleView } from './harness/article-client.ts';
import { untilFinal } from './harness/article-client.ts';
import { auditStore, feedItems, nothingLost } from './harness/audit.ts';
import { BACKENDS } from './harness/backends.ts';
import { freePort } from './harness/free-port.ts';
import type { Launched } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { type Installation, installation } from './harness/service.ts';

const ARTICLES = Number(process.env.TIDINGS_TWO_APIS_ARTICLES ?? 16);
const ALL = LANGUAGES.map((l) => l.code) as LanguageCode[];
const postgres = BACKENDS.find((b) => b.name === 'postgres');

describe.skipIf(!postgres?.available)('two APIs on one PostgreSQL, two workers', () => {
  let tidings: Installation;
  let drop: () => Promise<void> = async () => {};
  let second: { url: string; env: Record<string, string>; process?: Launched };
  let publisher: string;

  beforeAll(async () => {
    const prepared = await (postgres?.prepare() ?? Promise.reject(new Error('no PostgreSQL')));
    drop = prepared.drop;
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      ...prepared.env,
      MODELS_DIR: models.dictionaryModelsDir,
      WORKER_LOCK_DURATION_MS: '3000',
      // Behind one load balancer, both APIs name the site by one address.
      PUBLIC_URL: 'https://news.example.org',
    });
    await tidings.startApi();
    const port = await freePort();
    second = { url: `http://127.0.0.1:${port}`, env: { PORT: String(port) } };
    second.process = await tidings.startApi(second.env);
    await Promise.all([tidings.startWorker(), tidings.startWorker()]);
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  const post = (base: string, body: unknown) =>
    fetch(`${base}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${publisher}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it(
    `publishes ${ARTICLES} articles posted to both, once, with one API killed mid-run`,
    async () => {
      const ids: string[] = [];
      let failedOver = 0;
      for (let n = 0; n < ARTICLES; n++) {
        if (n === Math.floor(ARTICLES / 2)) {
          second.process?.child.kill('SIGKILL');
          await second.process?.exited();
        }
        const preferred = n % 2 === 0 ? tidings.url : second.url;
        // A client whose API is gone tries the other one, as a load balancer would.
        let res = await post(preferred, newsArticle(n)).catch(() => undefined);
        if (!res) {
          failedOver += 1;
          res = await post(tidings.url, newsArticle(n));
        }
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as ArticleView).id);
      }
      // Every request meant for the killed API, and only those, went to the other one.
      const meantForSecond = ids.filter((_, n) => n >= Math.floor(ARTICLES / 2) && n % 2 === 1);
      expect(failedOver).toBe(meantForSecond.length);

      for (const [n, id] of ids.entries()) {
        const done = await untilFinal(tidings, publisher, id, 180_000);
        for (const lang of ALL.filter((l) => l !== newsArticle(n).language)) {
          expect(done.languages[lang]?.status, `${id} ${lang}`).toBe('published');
        }
      }
      second.process = await tidings.startApi(second.env);
      const one = await feedItems(tidings.url, ALL);
      const two = await feedItems(second.url, ALL);
      expect(two).toEqual(one);
      for (const lang of ALL) expect(Object.keys(one[lang] ?? {}).length, lang).toBe(ids.length);
      for (const file of ['rss.xml', 'atom.xml']) {
        const [a, b] = await Promise.all(
          [tidings.url, second.url].map(async (base) =>
            (await fetch(`${base}/feeds/uk/${file}`)).text(),
          ),
        );
        expect(b, file).toBe(a);
      }

      expect(await auditStore(tidings, ids)).toEqual(nothingLost(ids.length));
    },
    Math.max(600_000, ARTICLES * 10_000),
  );
});
