import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels, type UnrulyBehaviour } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle, untilFinal } from './harness/article-client.ts';
import type { Launched } from './harness/launch.ts';
import { type Installation, installation } from './harness/service.ts';

// A newsroom of English and Spanish whose English-Spanish model misbehaves as real Opus-MT
// models do with markup they were never trained on (test/models' unruly models, real ONNX
// graphs): what readers get under each PUBLISH_POLICY, on the API, the page and the feed.
const scratch = mkdtempSync(join(tmpdir(), 'tidings-publish-policy-'));
let tidings: Installation;
let publisher: string;

/** A MODELS_DIR whose en-es model behaves as `behaviour`, es-en as the faithful model. */
async function modelsDir(behaviour: UnrulyBehaviour): Promise<string> {
  const models = await ensureTestModels({ kinds: ['dictionary', 'unruly'] });
  const dir = join(scratch, behaviour);
  mkdirSync(join(dir, 'Xenova'), { recursive: true });
  const model = (root: string, pair: string) => join(root, 'Xenova', `opus-mt-${pair}`);
  symlinkSync(model(models.unrulyModelsDirs[behaviour], 'en-es'), model(dir, 'en-es'), 'dir');
  symlinkSync(model(models.dictionaryModelsDir, 'es-en'), model(dir, 'es-en'), 'dir');
  return dir;
}

/** Runs one worker with `env` for as long as `during` takes, then stops it cleanly. */
async function withWorker<T>(env: Record<string, string>, during: () => Promise<T>): Promise<T> {
  const worker: Launched = await tidings.startWorker(env);
  try {
    return await during();
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited();
  }
}

const LINK = 'https://example.org/jef';
const IMAGE = 'https://img.example.org/1.jpg';
const body =
  `<p>Ukraine has been granted <a href="${LINK}">extended partner</a> status.</p>` +
  `<p>The minister said <img src="${IMAGE}" alt=""> 1,000 <code>k1</code> Ukraine.</p>`;

/** Posts the article under `slug`, waits until Spanish is final; Spanish as the API and readers see it. */
async function translated(slug: string) {
  const posted = await postArticle(tidings, publisher, {
    title: 'Ukraine',
    body,
    language: 'en',
    slug,
  });
  const done = await untilFinal(tidings, publisher, posted.id);
  const res = await tidings.call('GET', `/v1/articles/${posted.id}/es`, publisher);
  const version = (await res.json()) as {
    status: string;
    content: { body: string } | null;
    draft: { body: string } | null;
    reasons: { code: string; repairs?: { placeholder: string; how: string }[] }[];
  };
  // The reader's Spanish page of the article (the original, until Spanish is published).
  const page = await (await fetch(`${tidings.url}/es/articles/${slug}`)).text();
  const feed = (await (await fetch(`${tidings.url}/feeds/es/feed.json`)).json()) as {
    items: { id: string; content_html: string }[];
  };
  return {
    status: done.languages.es?.status,
    reason: done.languages.es?.reason ?? null,
    version,
    page,
    feedItem: feed.items.find((i) => i.id.endsWith(`:${posted.id}/es`)),
  };
}

/** Each repaired element named as an editor knows it: the link by its words, an image without
 * alt text by its kind, the code span by its text. */
function expectRepairsNamed(reason: string | null): void {
  expect(reason).toMatch(
    /^Markup the model lost or moved was repaired in “Ukraine has been granted extended partner status\.”: the link around “extended partner” was put back; /,
  );
  expect(reason).toContain('an image was put back');
  expect(reason).toContain('the code “k1” was put back');
}

beforeAll(async () => {
  tidings = await installation({ MODELS_DIR: await modelsDir('drop-tags'), LANGUAGES: 'en,es' });
  await tidings.startApi();
  publisher = await tidings.createKey('publisher');
}, 300_000);
afterAll(async () => {
  await tidings?.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

describe('PUBLISH_POLICY, on a model that loses every tag', () => {
  it('holds the repaired Spanish for review by default: the draft has every link and image back, readers see nothing yet', async () => {
    const held = await withWorker({}, () => translated('held-by-default'));
    expect(held.status).toBe('needs_review');
    expectRepairsNamed(held.reason);
    expect(held.version.reasons.map((r) => r.code)).toEqual(['markup-repaired', 'markup-repaired']);
    expect(held.version.reasons[0]?.repairs).toEqual([
      { placeholder: '<g1>', how: 'restored', element: 'link', wraps: 'extended partner' },
      { placeholder: '</g1>', how: 'restored', element: 'link', wraps: 'extended partner' },
    ]);
    const draft = held.version.draft?.body ?? '';
    for (const kept of [`href="${LINK}"`, `src="${IMAGE}"`, '<code>k1</code>', '1,000']) {
      expect(draft).toContain(kept);
    }
    expect(held.version.content).toBeNull();
    expect(held.page).toMatch(/<link rel="canonical" href="[^"]+\/en\/articles\/held-by-default">/);
    expect(held.page).not.toContain('Ucrania');
    expect(held.feedItem).toBeUndefined();
  }, 300_000);

  it('publishes it under PUBLISH_POLICY=flag, with every link and image, and the repair as its reason', async () => {
    const flagged = await withWorker({ PUBLISH_POLICY: 'flag' }, () => translated('flagged'));
    expect(flagged.status).toBe('published');
    expectRepairsNamed(flagged.reason);
    expect(flagged.version.reasons.map((r) => r.code)).toEqual([
      'markup-repaired',
      'markup-repaired',
    ]);
    for (const html of [
      flagged.version.content?.body ?? '',
      flagged.page,
      flagged.feedItem?.content_html ?? '',
    ]) {
      expect(html).toContain('Ucrania ha sido concedido <a href=');
      for (const kept of [`href="${LINK}"`, `src="${IMAGE}"`, '<code>k1</code>', '1,000']) {
        expect(html).toContain(kept);
      }
    }
  }, 300_000);

  it('never publishes a loss it could not repair, even under PUBLISH_POLICY=flag', async () => {
    // A model that stops halfway: the second half of each sentence, and its number, are gone.
    const env = { PUBLISH_POLICY: 'flag', MODELS_DIR: await modelsDir('stop-early') };
    const lost = await withWorker(env, () => translated('stopped-early'));
    expect(lost.status).toBe('needs_review');
    expect(lost.version.reasons.map((r) => r.code)).toContain('number-missing');
    expect(lost.version.content).toBeNull();
    expect(lost.page).not.toContain('Ucrania');
    expect(lost.feedItem).toBeUndefined();
  }, 300_000);
});
