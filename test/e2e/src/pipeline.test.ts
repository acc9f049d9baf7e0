import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LanguageCode } from '@tidings/core';
import { ensureTestModels, expectedTranslation, type TestModels } from '@tidings/test-models';
import { DEFAULT_MODEL_MAP } from '@tidings/translator';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle, getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import { paragraphs } from './harness/html-text.ts';
import { descendants, isAlive, type Launched } from './harness/launch.ts';
import { parsePrometheus } from './harness/prometheus.ts';
import { seedArticle } from './harness/seed-article.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const TARGETS: LanguageCode[] = ['es', 'de', 'fr', 'it', 'uk'];
const seed = seedArticle('jefExtendedPartner');
const englishSeed = { ...seed, language: 'en', categories: ['Defence', 'Security'] };
// The newsroom's glossary names one category in every language; the model names the other.
const DEFENCE = { es: 'Defensa', de: 'Verteidigung', fr: 'Défense', it: 'Difesa', uk: 'Оборона' };

let models: TestModels;
beforeAll(async () => {
  models = await ensureTestModels();
});

describe.each(BACKENDS)('the article pipeline on $name', (backend) => {
  let tidings: Installation;
  let api: Launched;
  let worker: Launched;
  let publisher: string;
  let editor: string;
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (!backend.available) return;
    const prepared = await backend.prepare();
    const glossaryDir = mkdtempSync(join(tmpdir(), 'tidings-glossary-'));
    const glossary = join(glossaryDir, 'glossary.json');
    writeFileSync(
      glossary,
      JSON.stringify({ terms: [{ source: 'Defence', from: 'en', translations: DEFENCE }] }),
    );
    const dropBackend = prepared.drop;
    drop = async () => {
      await dropBackend();
      rmSync(glossaryDir, { recursive: true, force: true });
    };
    tidings = await installation({
      ...prepared.env,
      MODELS_DIR: models.dictionaryModelsDir,
      GLOSSARY: glossary,
    });
    api = await tidings.startApi();
    worker = await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
    editor = await tidings.createKey('editor');
  });
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  it.skipIf(!backend.available)(
    'publishes the English seed in five languages, each exactly the dictionary translation',
    async () => {
      const posted = await postArticle(tidings, publisher, englishSeed);
      const done = await untilFinal(tidings, publisher, posted.id);
      for (const lang of TARGETS) {
        expect(done.languages[lang]?.status, lang).toBe('published');
        const version = await getVersion(tidings, publisher, posted.id, lang);
        const direction = { src: 'en', tgt: lang } as const;
        expect(version.content?.title).toBe(expectedTranslation(seed.title, direction));
        expect(paragraphs(version.content?.body ?? '')).toEqual(
          paragraphs(seed.body).map((p) => expectedTranslation(p, direction)),
        );
      }
      // The metrics moved: published versions and segments, by who translated them.
      const metrics = parsePrometheus(await (await fetch(`${tidings.url}/metrics`)).text());
      const value = (name: string, labels: Record<string, string>) =>
        metrics.find(
          (m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels[k] === v),
        )?.value ?? 0;
      expect(
        value('tidings_translations', { language: 'es', status: 'published' }),
      ).toBeGreaterThanOrEqual(1);
      expect(value('tidings_segments_total', { origin: 'model' })).toBeGreaterThan(0);
      expect(
        value('tidings_model_load_seconds_count', { model: 'Xenova/opus-mt-en-uk' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        value('tidings_translation_duration_seconds_count', { source: 'en', target: 'uk' }),
      ).toBeGreaterThanOrEqual(1);
      // Subscribers see it: the Ukrainian feed carries the Ukrainian title.
      const feed = await fetch(`${tidings.url}/feeds/uk/atom.xml`);
      expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const atom = new XMLParser({ ignoreAttributes: true }).parse(await feed.text()) as {
        feed: { entry: { title: string } | { title: string }[] };
      };
      const titles = [atom.feed.entry].flat().map((e) => e.title);
      expect(titles).toContain(expectedTranslation(seed.title, { src: 'en', tgt: 'uk' }));
      // A name, a number and a URL pass through every language untouched.
      const uk = await getVersion(tidings, publisher, posted.id, 'uk');
      expect(uk.content?.body).toContain('Denys Shmyhal (t.me/Denys_Smyhal)');
      expect(uk.content?.title).toMatch(/^Україна /);
      // Categories: the glossary's name where it has one, the model's otherwise, each with its
      // own slug and feed in each language, shown on the reader's page.
      for (const lang of TARGETS) {
        const version = await getVersion(tidings, publisher, posted.id, lang);
        expect(version.content?.categories, lang).toEqual([
          DEFENCE[lang as keyof typeof DEFENCE],
          expectedTranslation('Security', { src: 'en', tgt: lang }),
        ]);
      }
      const ukPage = done.languages.uk?.links.page ?? '';
      // The status links to the version's own address (its translated slug), not a redirect.
      expect(ukPage).toMatch(/\/uk\/articles\/ukraina-/);
      const res = await fetch(ukPage, { redirect: 'manual' });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(`/feeds/uk/categories/oborona/rss.xml`);
      expect(page).toMatch(/>Оборона<\/a>/);
      expect(page).toMatch(/>Безпека<\/a>/);
      expect((await fetch(`${tidings.url}/feeds/uk/categories/bezpeka/atom.xml`)).status).toBe(200);
    },
  );

  it.skipIf(!backend.available)(
    'carries one request id from the POST into the worker logs',
    async () => {
      const res = await tidings.call('POST', '/v1/articles', publisher, {
        ...englishSeed,
        title: 'Request id',
      });
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const { id } = (await res.json()) as { id: string };
      await untilFinal(tidings, publisher, id);
      // The worker logs after it hands each result back: its lines may trail the results.
      const translated = () =>
        worker
          .output()
          .split('\n')
          .filter(
            (l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"msg":"translated"'),
          );
      await eventually(
        async () => translated().length === 5 || undefined,
        10_000,
        'five log lines',
      );
      expect(translated()).toHaveLength(5);
    },
  );

  it.skipIf(!backend.available)(
    'makes no second job or version when the same story is posted twice',
    async () => {
      const body = { ...englishSeed, externalId: `dup-${backend.name}` };
      const first = await postArticle(tidings, publisher, body);
      await untilFinal(tidings, publisher, first.id);
      const again = await postArticle(tidings, publisher, body);
      expect(again.id).toBe(first.id);
      expect(again.revision).toBe(1);
      const view = await getArticle(tidings, publisher, first.id);
      for (const lang of TARGETS) expect(view.languages[lang]?.status).toBe('published');
    },
  );

  it.skipIf(!backend.available)(
    "keeps the editor's French through a revision, marked stale, and re-translates the rest",
    async () => {
      const posted = await postArticle(tidings, publisher, englishSeed);
      await untilFinal(tidings, publisher, posted.id);
      const correction = {
        title: 'L’Ukraine rejoint la JEF',
        body: '<p>Texte revu par la rédaction.</p>',
      };
      const edit = await tidings.call('PUT', `/v1/articles/${posted.id}/fr`, editor, correction);
      expect(edit.status).toBe(200);
      const revisedTitle = 'Ukraine joins the JEF as an extended partner';
      const res = await tidings.call('PUT', `/v1/articles/${posted.id}`, publisher, {
        ...englishSeed,
        title: revisedTitle,
      });
      expect(res.status).toBe(202);
      const done = await untilFinal(tidings, publisher, posted.id);
      expect(done.revision).toBe(2);
      // The editor's text stays live; the machine's translation of the new source comes beside it.
      const fr = await eventually(
        async () => {
          const view = await getVersion(tidings, publisher, posted.id, 'fr');
          return view.draft ? view : undefined;
        },
        60_000,
        'the fresh French draft',
      );
      expect(fr.status).toBe('stale');
      expect(fr.content?.title).toBe(correction.title);
      expect(fr.draft?.title).toBe(expectedTranslation(revisedTitle, { src: 'en', tgt: 'fr' }));
      expect(fr.sourceChange).toEqual({
        fromRevision: 1,
        toRevision: 2,
        changes: [
          {
            field: 'title',
            kind: 'changed',
            block: null,
            old: englishSeed.title,
            new: revisedTitle,
          },
        ],
      });
      // Readers see the editor's text, with a notice that the original has changed since.
      const moved = await fetch(`${tidings.url}${new URL(fr.links.page).pathname}`);
      const page = await moved.text();
      expect(page).toContain('data-provenance="stale"');
      expect(page).toContain(correction.title);
      const es = await getVersion(tidings, publisher, posted.id, 'es');
      expect(es.status).toBe('published');
      expect(es.content?.title).toBe(expectedTranslation(revisedTitle, { src: 'en', tgt: 'es' }));
    },
  );

  it.skipIf(!backend.available)(
    'persists what the worker finished while the API was down, once it is back',
    async () => {
      const posted = await postArticle(tidings, publisher, englishSeed);
      api.child.kill('SIGKILL');
      await api.exited();
      // The worker goes on without the API: wait until its results wait in the queue.
      await new Promise((r) => setTimeout(r, 4_000));
      api = await tidings.startApi();
      const done = await untilFinal(tidings, publisher, posted.id);
      for (const lang of TARGETS) expect(done.languages[lang]?.status).toBe('published');
    },
  );

  it.skipIf(!backend.available)(
    'finishes an article whose worker was killed mid-article',
    async () => {
      // A long article, so that the worker is surely in the middle of it when killed.
      const long = { ...englishSeed, body: Array.from({ length: 12 }, () => seed.body).join('\n') };
      const posted = await postArticle(tidings, publisher, {
        ...long,
        title: `Long ${backend.name}`,
      });
      await eventually(
        async () => {
          const view = await getArticle(tidings, publisher, posted.id);
          return Object.values(view.languages).some((l) => l.status === 'translating') || undefined;
        },
        60_000,
        'a language to be translating',
      );
      const engines = descendants(worker.child.pid ?? 0);
      expect(engines.length).toBeGreaterThan(0);
      worker.child.kill('SIGKILL');
      await worker.exited();
      // The translation engine does not outlive its worker.
      await eventually(
        async () => engines.every((pid) => !isAlive(pid)) || undefined,
        10_000,
        'the translation engine to exit',
      );
      worker = await tidings.startWorker();
      const done = await untilFinal(tidings, publisher, posted.id, 180_000);
      for (const lang of TARGETS) expect(done.languages[lang]?.status).toBe('published');
    },
  );
});

describe('one slow language', () => {
  let tidings: Installation;
  let worker: Launched;
  let publisher: string;
  let modelsDir: string;
  let slowArticle = '';

  beforeAll(async () => {
    // German is served by the Opus-MT-sized model (random weights, full-size compute): slow.
    modelsDir = mkdtempSync(join(tmpdir(), 'tidings-models-'));
    const link = (target: string, id: string) => {
      mkdirSync(dirname(join(modelsDir, id)), { recursive: true });
      symlinkSync(target, join(modelsDir, id));
    };
    for (const model of Object.values(DEFAULT_MODEL_MAP.pairs)) {
      const id = typeof model === 'string' ? model : model.model;
      link(join(models.dictionaryModelsDir, id), id);
    }
    link(join(models.opusSizedModelsDir, 'Xenova/opus-mt-en-es'), 'slow/opus-mt-en-de');
    const map = join(modelsDir, 'model-map.json');
    writeFileSync(
      map,
      JSON.stringify({ pairs: { ...DEFAULT_MODEL_MAP.pairs, 'en-de': 'slow/opus-mt-en-de' } }),
    );
    tidings = await installation({
      MODELS_DIR: modelsDir,
      MODEL_MAP: map,
      WORKER_CONCURRENCY: '2',
      // Far shorter than the German translation takes: the lock must be renewed throughout.
      WORKER_LOCK_DURATION_MS: '1500',
      // The SIGTERM test waits for German to finish: on a loaded machine that may take longer
      // than the default 30 s a worker waits before it exits anyway.
      SHUTDOWN_TIMEOUT_MS: '180000',
    });
    await tidings.startApi();
    worker = await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await tidings?.destroy();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  it('publishes Spanish before a deliberately slow German finishes', async () => {
    const short = {
      title: seed.title,
      body: paragraphs(seed.body)
        .slice(1, 3)
        .map((p) => `<p>${p}</p>`)
        .join(''),
      language: 'en',
    };
    const posted = await postArticle(tidings, publisher, short);
    slowArticle = posted.id;
    const done = await untilFinal(tidings, publisher, posted.id, 240_000);
    const es = done.languages.es;
    const de = done.languages.de;
    expect(es?.status).toBe('published');
    expect(de?.finishedAt).toBeTruthy();
    expect(Date.parse(es?.publishedAt ?? '')).toBeLessThan(Date.parse(de?.finishedAt ?? ''));
  });

  it('keeps the lock of a translation longer than the lock duration: no stalled job', async () => {
    // The worker logs after it hands the result back: its line may trail the result a little.
    const translatedGerman = () =>
      worker
        .output()
        .split('\n')
        .filter((line) => line.includes('"target":"de"') && line.includes('"msg":"translated"'));
    await eventually(
      async () => translatedGerman().length > 0 || undefined,
      10_000,
      'the log line',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(translatedGerman(), translatedGerman().join('\n')).toHaveLength(1);
    const de = (await getArticle(tidings, publisher, slowArticle)).languages.de;
    expect(Date.parse(de?.finishedAt ?? '') - Date.parse(de?.startedAt ?? '')).toBeGreaterThan(
      1500,
    );
    expect(worker.output()).not.toContain('job stalled');
  });

  it('finishes the job in hand when the worker gets SIGTERM, and nothing stalls', async () => {
    const posted = await postArticle(tidings, publisher, {
      title: 'The minister of defence said the alliance will meet in Kyiv',
      body: paragraphs(seed.body)
        .slice(3, 5)
        .map((p) => `<p>${p}</p>`)
        .join(''),
      language: 'en',
    });
    await eventually(
      async () =>
        (await getArticle(tidings, publisher, posted.id)).languages.de?.status === 'translating' ||
        undefined,
      60_000,
      'German to be translating',
    );
    const stopping = worker;
    stopping.child.kill('SIGTERM');
    expect((await stopping.exited()).code).toBe(0);
    // The stopping worker translated German itself, once, before it exited: no other worker
    // ran, and none will need to take the job back.
    const german = stopping
      .output()
      .split('\n')
      .filter(
        (line) =>
          line.includes(posted.id) &&
          line.includes('"target":"de"') &&
          line.includes('"msg":"translated"'),
      );
    expect(german).toHaveLength(1);
    expect(stopping.output()).not.toContain('job stalled');
    worker = await tidings.startWorker();
    const done = await untilFinal(tidings, publisher, posted.id, 120_000);
    expect(done.languages.de?.finishedAt).toBeTruthy();
    // The next worker does the languages not yet begun, but German is not done twice.
    const germanAgain = worker
      .output()
      .split('\n')
      .filter((line) => line.includes(posted.id) && line.includes('"target":"de"'));
    expect(germanAgain).toEqual([]);
  });
});
