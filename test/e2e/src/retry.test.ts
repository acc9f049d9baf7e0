import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRedisConnection, TRANSLATE_QUEUE, translateJobId } from '@tidings/queue';
import { ensureTestModels, expectedTranslation, type TestModels } from '@tidings/test-models';
import { DEFAULT_MODEL_MAP } from '@tidings/translator';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import { launch } from './harness/launch.ts';
import { parsePrometheus } from './harness/prometheus.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const GERMAN = 'Xenova/opus-mt-en-de';
const story = (title: string) => ({
  title,
  body: '<p>Ukraine has been granted extended partner status.</p>',
  language: 'en',
});

let models: TestModels;
beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['dictionary'] });
});

describe.each(BACKENDS)('retrying a language whose model was missing, on $name', (backend) => {
  let tidings: Installation;
  let publisher: string;
  let editor: string;
  let modelsDir: string;
  let drop: () => Promise<void> = async () => {};
  const failed: Record<'cli' | 'dashboard' | 'concurrent', string> = {
    cli: '',
    dashboard: '',
    concurrent: '',
  };
  const link = (id: string) => {
    mkdirSync(dirname(join(modelsDir, id)), { recursive: true });
    symlinkSync(join(models.dictionaryModelsDir, id), join(modelsDir, id));
  };

  beforeAll(async () => {
    if (!backend.available) return;
    // Every model but English to German, which "appears" later.
    modelsDir = mkdtempSync(join(tmpdir(), 'tidings-retry-models-'));
    for (const model of Object.values(DEFAULT_MODEL_MAP.pairs)) {
      const id = typeof model === 'string' ? model : model.model;
      if (id !== GERMAN) link(id);
    }
    const prepared = await backend.prepare();
    drop = prepared.drop;
    tidings = await installation({ ...prepared.env, MODELS_DIR: modelsDir });
    await tidings.startApi();
    await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
    editor = await tidings.createKey('editor');
    for (const name of Object.keys(failed) as (keyof typeof failed)[]) {
      const posted = await postArticle(tidings, publisher, story(`Retry by ${name}`));
      failed[name] = posted.id;
    }
    for (const id of Object.values(failed)) {
      const done = await untilFinal(tidings, publisher, id, 180_000);
      expect(done.languages.de?.status).toBe('failed');
      expect(done.languages.de?.reason).toContain(GERMAN);
      expect(done.languages.es?.status).toBe('published');
    }
    // Why, as data: its code and fields, said in the language the request asks for.
    const asked = await fetch(`${tidings.url}/v1/articles/${failed.cli}/de`, {
      headers: { authorization: `Bearer ${editor}`, 'accept-language': 'de' },
    });
    expect(((await asked.json()) as { reasons: unknown }).reasons).toEqual([
      {
        code: 'model-unavailable',
        model: GERMAN,
        modelsDir,
        text: `Das Modell ${GERMAN} ist in ${modelsDir} nicht verfügbar: mit \`tidings models pull\` holen oder, auf einem Server ohne Netz, aus einer Kopie der Modelle mit \`tidings models pull --from DIR\` installieren (DIR mit ${GERMAN}/), dann neu übersetzen`,
      },
    ]);
    link(GERMAN);
  }, 600_000);
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
    if (modelsDir) rmSync(modelsDir, { recursive: true, force: true });
  });

  const german = (title: string) => expectedTranslation(title, { src: 'en', tgt: 'de' });

  it.skipIf(!backend.available)(
    'publishes it once the model is there and `tidings retry` is run',
    async () => {
      const id = failed.cli;
      const run = launch(['apps/cli/bin/tidings.mjs', 'retry', id, '--wait'], {
        ...tidings.env,
        TIDINGS_KEY: editor,
      });
      const { code } = await run.exited();
      expect(code, run.output()).toBe(0);
      expect(run.output()).toContain('de: queued again');
      expect(run.output()).toMatch(/^de published$/m);
      const de = await getVersion(tidings, editor, id, 'de');
      expect(de.status).toBe('published');
      expect(de.content?.title).toBe(german('Retry by cli'));
      // Nothing left to retry: said in one line, exit code 1.
      const again = launch(['apps/cli/bin/tidings.mjs', 'retry', id, 'de'], {
        ...tidings.env,
        TIDINGS_KEY: editor,
      });
      expect((await again.exited()).code).toBe(1);
      expect(again.output()).toMatch(/de version is published/);
    },
  );

  it.skipIf(!backend.available)(
    'publishes it when the failed job is retried from the queue dashboard',
    async () => {
      const id = failed.dashboard;
      const jobId = translateJobId(id, 1, 'de');
      const basic = `Basic ${Buffer.from(`ops:${tidings.adminToken()}`).toString('base64')}`;
      const res = await fetch(
        `${tidings.url}/admin/queues/api/queues/${TRANSLATE_QUEUE}/${jobId}/retry`,
        { method: 'PUT', headers: { authorization: basic } },
      );
      expect(res.status, await res.text()).toBe(204);
      const done = await eventually(
        async () => {
          const view = await getVersion(tidings, editor, id, 'de');
          return view.status === 'published' ? view : undefined;
        },
        120_000,
        'German to be published',
      );
      expect(done.content?.title).toBe(german('Retry by dashboard'));
    },
  );

  it.skipIf(!backend.available)('makes one job of two retries at once', async () => {
    const id = failed.concurrent;
    const answers = await Promise.all(
      [editor, publisher].map((key) => tidings.call('POST', `/v1/articles/${id}/de/retry`, key)),
    );
    expect(answers.map((r) => r.status)).toEqual([202, 202]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      retries: { outcome: string; job: string }[];
    }[];
    expect(bodies.map((b) => b.retries[0]?.outcome).sort()).toEqual(['already', 'queued']);
    expect(bodies.map((b) => b.retries[0]?.job)).toEqual([
      translateJobId(id, 1, 'de', 1),
      translateJobId(id, 1, 'de', 1),
    ]);
    const done = await untilFinal(tidings, publisher, id, 120_000);
    expect(done.languages.de?.status).toBe('published');
    // Timed like every route, under its pattern.
    const metrics = parsePrometheus(await (await fetch(`${tidings.url}/metrics`)).text());
    const timed = metrics.find(
      (m) =>
        m.name === 'tidings_http_request_duration_seconds_count' &&
        m.labels.route === '/v1/articles/:id/:lang/retry' &&
        m.labels.status === '202',
    );
    expect(timed?.value).toBeGreaterThanOrEqual(2);
    // In the queue: the first try and one retry of German, never a second retry.
    const redis = createRedisConnection(tidings.env.REDIS_URL ?? '', 'producer');
    const queue = new Queue(TRANSLATE_QUEUE, {
      connection: redis,
      prefix: tidings.env.QUEUE_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
      const german = jobs.filter((j) => j.data.articleId === id && j.data.target === 'de');
      expect(german.map((j) => j.id).sort()).toEqual(
        [translateJobId(id, 1, 'de'), translateJobId(id, 1, 'de', 1)].sort(),
      );
    } finally {
      await queue.close();
      redis.disconnect();
    }
  });
});
