import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Installation, installation } from './harness/service.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The ```sh blocks of one README section, in order. */
function shellBlocks(section: string): string[] {
  const text = readme.split(/^## /m).find((s) => s.startsWith(section)) ?? '';
  return [...text.matchAll(/^```sh\n([\s\S]*?)```$/gm)].map((m) => m[1] ?? '');
}

let tidings: Installation;
let cwd: string;

beforeAll(async () => {
  const models = await ensureTestModels({ kinds: ['dictionary'] });
  tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
  await tidings.startApi();
  await tidings.startWorker();
  // The README's commands run from a checkout, where DATA_DIR is ./data.
  cwd = mkdtempSync(join(tmpdir(), 'tidings-readme-'));
  symlinkSync(tidings.dataDir, join(cwd, 'data'));
}, 240_000);

afterAll(async () => {
  await tidings?.destroy();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('the README', () => {
  it("runs the shell examples of 'Using it' as written, one after the other, against a live instance", async () => {
    const blocks = shellBlocks('Using it');
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    // As written, but for the port: this instance listens on a free one, not 3000.
    const port = new URL(tidings.url).port;
    const script = ['set -eu', ...blocks]
      .join('\n')
      .replaceAll('localhost:3000', `localhost:${port}`);
    const run = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    // The last thing printed is the article the publisher key posted (curl adds no newline).
    const posted = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('{"id":'))) as {
      id?: string;
      languages?: Record<string, { status: string }>;
    };
    expect(posted.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(posted.languages ?? {}).sort()).toEqual([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'uk',
    ]);
    const token = JSON.parse(readFileSync(join(cwd, 'cms-key.json'), 'utf8')) as { role: string };
    expect(token.role).toBe('publisher');
    await eventually(
      async () => {
        const res = await tidings.call('GET', `/v1/articles/${posted.id}`, tidings.adminToken());
        const view = (await res.json()) as { languages: Record<string, { status: string }> };
        return Object.values(view.languages).every((l) => l.status === 'published') || undefined;
      },
      120_000,
      'the README article published in every language',
    );
  });
});
