import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@tidings/store';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { descendants, isAlive, type Launched, launch } from './harness/launch.ts';
import { seedArticle } from './harness/seed-article.ts';
import { eventually } from './harness/service.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts its own Redis when none answers, serves /readyz, and Ctrl-C leaves no process behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    dirs.push(dataDir);
    const [port, privatePort, deadPort] = [await freePort(), await freePort(), await freePort()];
    const app = launch(['scripts/start.mjs'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      REDIS_PRIVATE_PORT: String(privatePort),
      WORKERS: '1',
    });
    try {
      await app.waitFor(/started a private Redis at redis:\/\/127\.0\.0\.1:\d+/);
      await app.waitFor(/Tidings is up: http:\/\/127\.0\.0\.1:\d+/);

      // Each readiness check has two seconds; on a loaded machine a first PGlite query can
      // take longer, so the service is given a minute to say it is ready.
      const body = await eventually(
        async () => {
          const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
          const json = (await ready.json()) as { checks: Record<string, { status: string }> };
          if (ready.status !== 200)
            throw new Error(`/readyz ${ready.status}: ${JSON.stringify(json)}`);
          return json;
        },
        60_000,
        '/readyz 200',
      );
      expect(body.checks.redis?.status).toBe('ok');
      expect(body.checks.store?.status).toBe('ok');

      const pid = app.child.pid ?? 0;
      const family = descendants(pid);
      // api, worker and redis-server at least.
      expect(family.length).toBeGreaterThanOrEqual(3);

      app.child.kill('SIGINT');
      const { code } = await app.exited();
      expect(code).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(family.filter(isAlive)).toEqual([]);
    } finally {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
  });

  it('says "up" only for its own API: a second start on the same data directory or port is one line and exit code 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    const otherDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    dirs.push(dataDir, otherDir);
    const [port, otherPort] = [await freePort(), await freePort()];
    const shared = { QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`, WORKERS: '0' };
    const first = launch(['scripts/start.mjs'], {
      ...shared,
      PORT: String(port),
      DATA_DIR: dataDir,
    });
    try {
      await first.waitFor(/Tidings is up/);

      const sameDir = launch(['scripts/start.mjs'], {
        ...shared,
        PORT: String(otherPort),
        DATA_DIR: dataDir,
      });
      expect((await sameDir.exited()).code).toBe(1);
      const pid = first.child.pid ?? 0;
      const lockLines = sameDir.output().trim().split('\n');
      expect(lockLines).toHaveLength(1);
      expect(lockLines[0]).toMatch(
        /^tidings-api: The store in .* is in use by process \d+\..*another DATA_DIR/,
      );
      expect(descendants(pid).length).toBeGreaterThan(0);

      const samePort = launch(['scripts/start.mjs'], {
        ...shared,
        PORT: String(port),
        DATA_DIR: otherDir,
      });
      expect((await samePort.exited()).code).toBe(1);
      expect(samePort.output().trim()).toBe(
        `tidings: cannot listen on 127.0.0.1:${port}: the port is already in use (another Tidings, or another program). Stop it, or set PORT to a free port.`,
      );
    } finally {
      first.child.kill('SIGINT');
      await first.exited();
    }
  });

  it('says so in one line when another program holds the port, without starting anything', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const app = launch(['scripts/start.mjs'], { PORT: String(port), WORKERS: '0' });
      expect((await app.exited()).code).toBe(1);
      expect(app.output().trim()).toBe(
        `tidings: cannot listen on 127.0.0.1:${port}: the port is already in use (another Tidings, or another program). Stop it, or set PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('Ctrl-C while translations are in hand publishes them, stops every process and exits 0', async () => {
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    const app: Launched = launch(
      ['scripts/start.mjs'],
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
        MODELS_DIR: models.dictionaryModelsDir,
        ALLOW_REMOTE_MODELS: 'false',
        WORKERS: '1',
        SHUTDOWN_TIMEOUT_MS: '90000',
      },
      { foreground: true },
    );
    const pid = app.child.pid ?? 0;
    try {
      await app.waitFor(/Tidings is up/);
      await app.waitFor(/worker ready/);
      const admin = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      const seed = seedArticle('jefExtendedPartner');
      // Long enough that the worker is still translating when Ctrl-C comes.
      const body = Array.from({ length: 6 }, () => seed.body).join('\n');
      const posted = await fetch(`http://127.0.0.1:${port}/v1/articles`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: seed.title, body, language: 'en' }),
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };
      const inHand = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/v1/articles/${id}`, {
            headers: { authorization: `Bearer ${admin}` },
          });
          const view = (await res.json()) as { languages: Record<string, { status: string }> };
          const translating = Object.entries(view.languages)
            .filter(([, l]) => l.status === 'translating')
            .map(([lang]) => lang);
          return translating.length > 0 ? translating : undefined;
        },
        60_000,
        'a language being translated',
      );
      const family = descendants(pid);

      // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
      process.kill(-pid, 'SIGINT');
      const { code } = await app.exited();
      expect([0, 130]).toContain(code);
      await new Promise((r) => setTimeout(r, 500));
      expect(family.filter(isAlive)).toEqual([]);
      expect(app.output()).not.toMatch(/second signal/);

      const store = await openStore({ dataDir });
      try {
        for (const language of inHand) {
          expect((await store.getTranslation(id, language as 'es')).status).toBe('published');
        }
      } finally {
        await store.close();
      }
    } finally {
      if (app.child.exitCode === null) process.kill(-pid, 'SIGKILL');
    }
  });

  it('with no models and no network, says at start that no direction can be translated, and how to fix it; doctor exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    const modelsDir = mkdtempSync(join(tmpdir(), 'tidings-no-models-'));
    dirs.push(dataDir, modelsDir);
    const [port, deadPort] = [await freePort(), await freePort()];
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
      MODELS_DIR: modelsDir,
      // Nothing answers there: a hub out of reach, as it is from this machine.
      MODEL_HUB_URL: `http://127.0.0.1:${deadPort}/`,
      WORKERS: '1',
    };
    const app = launch(['scripts/start.mjs'], env);
    try {
      await app.waitFor(/Tidings is up/);
      const out = app.output().split('\n');
      const first = out.findIndex((l) => l.startsWith('tidings: models ('));
      expect(out[first]).toBe(
        `tidings: models (MODELS_DIR ${modelsDir}, built-in model map): 30 directions`,
      );
      expect(out[first + 1]).toMatch(
        new RegExp(
          `^ {2}✗ unavailable: 30 directions \\(de-en de-es .* uk-it\\): cannot reach the model hub at http://127\\.0\\.0\\.1:${deadPort}/ \\(`,
        ),
      );
      expect(out[first + 2]).toMatch(/^ {6}fix: `tidings models pull --from DIR` .*MODELS=demo/);
      expect(out[first + 3]).toMatch(/^tidings: Tidings is up/);

      const doctor = launch(['apps/cli/bin/tidings.mjs', 'doctor'], env);
      expect((await doctor.exited()).code).toBe(1);
      expect(doctor.output()).toMatch(/^✓ API: .* is ready$/m);
      expect(doctor.output()).toMatch(
        /^✗ Models: 30 of 30 directions have no usable model \(de-en .*\): cannot reach the model hub/m,
      );
      expect(doctor.output()).toMatch(/^ {4}fix: `tidings models pull --from DIR`/m);
    } finally {
      app.child.kill('SIGINT');
      await app.exited();
    }
  });

  it('with MODELS=demo and no network, builds the demo models, says so, and publishes the seed in five languages, each marked as a demo translation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    dirs.push(dataDir);
    const [port, deadPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const app = launch(['scripts/start.mjs'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
      MODELS: 'demo',
      // The hub out of reach, and MODELS_DIR empty: demo mode needs neither.
      MODEL_HUB_URL: `http://127.0.0.1:${deadPort}/`,
      MODELS_DIR: join(dataDir, 'no-models'),
      WORKERS: '1',
    });
    try {
      await app.waitFor(/Tidings is up in demo mode/, 180_000);
      const out = app.output();
      expect(out).toMatch(/^┌─ DEMO MODE \(MODELS=demo\)/m);
      expect(out).toContain(
        `tidings: models (MODELS_DIR ${join(dataDir, 'demo-models')}, demo models (MODELS=demo)): 30 directions`,
      );
      expect(out).toMatch(/^ {2}✓ present: 30 directions \(de-en /m);
      expect(out).not.toMatch(/unavailable/);

      const admin = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      const auth = { authorization: `Bearer ${admin}` };
      const seed = seedArticle('chasPravdy');
      const posted = await fetch(`${base}/v1/articles`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: seed.title, body: seed.body, language: 'en' }),
      });
      expect(posted.status).toBe(201);
      const { id } = (await posted.json()) as { id: string };
      const targets = ['es', 'de', 'fr', 'it', 'uk'] as const;
      await eventually(
        async () => {
          const res = await fetch(`${base}/v1/articles/${id}`, { headers: auth });
          const view = (await res.json()) as { languages: Record<string, { status: string }> };
          return targets.every((l) => view.languages[l]?.status === 'published') || undefined;
        },
        180_000,
        'the seed published in five languages',
      );
      const demoSentence = {
        es: 'Traducción de demostración',
        de: 'Demo-Übersetzung',
        fr: 'Traduction de démonstration',
        it: 'Traduzione dimostrativa',
        uk: 'Демонстраційний переклад',
      } as const;
      for (const language of targets) {
        const version = (await (
          await fetch(`${base}/v1/articles/${id}/${language}`, { headers: auth })
        ).json()) as { demo: boolean; model: string; links: { page: string } };
        expect(version.demo, language).toBe(true);
        expect(version.model).toMatch(/^tidings-demo\/opus-mt-/);

        // The API's link to the page (it redirects to the version's own slug).
        const article = await (await fetch(version.links.page)).text();
        expect(article).toMatch(new RegExp(`<p class="demo">${demoSentence[language]}`));

        const rss = await (await fetch(`${base}/feeds/${language}/rss.xml`)).text();
        expect(rss).toMatch(/<tidings:provenance [^>]*demo="true"/);
        expect(rss).toContain(demoSentence[language]);
        const json = (await (await fetch(`${base}/feeds/${language}/feed.json`)).json()) as {
          items: { _tidings: { provenance: { demo?: boolean; kind: string } } }[];
        };
        expect(json.items[0]?._tidings.provenance).toMatchObject({ kind: 'machine', demo: true });
      }
      // The original is not a translation, demo or not.
      const original = (await (
        await fetch(`${base}/v1/articles/${id}/en`, { headers: auth })
      ).json()) as { demo: boolean };
      expect(original.demo).toBe(false);
    } finally {
      app.child.kill('SIGINT');
      await app.exited();
    }
  });

  it('stops with one readable line and exit code 1 on a bad variable', async () => {
    const app = launch(['scripts/start.mjs'], { PORT: 'abc' });
    const { code } = await app.exited();
    expect(code).toBe(1);
    expect(app.output().trim()).toBe(
      'tidings: Invalid configuration: PORT="abc" is not an integer from 1 to 65535',
    );
  });
});
