import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBuild } from './cached-build.ts';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cached-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('cachedBuild', () => {
  it('builds once per hash, and again when the hash changes', async () => {
    const dir = join(root, 'models');
    let builds = 0;
    const build = async (into: string) => {
      builds += 1;
      await mkdir(into, { recursive: true });
      await writeFile(join(into, 'file.txt'), `build ${builds}`);
    };
    expect(await cachedBuild(dir, 'a', build)).toBe(true);
    expect(await cachedBuild(dir, 'a', build)).toBe(false);
    expect(await cachedBuild(dir, 'b', build)).toBe(true);
    expect(builds).toBe(2);
    expect(await readFile(join(dir, 'file.txt'), 'utf8')).toBe('build 2');
  });

  it('lets concurrent callers share one build', async () => {
    const dir = join(root, 'models');
    let builds = 0;
    const build = async (into: string) => {
      builds += 1;
      await mkdir(into, { recursive: true });
      await new Promise((r) => setTimeout(r, 50));
    };
    await Promise.all([1, 2, 3].map(() => cachedBuild(dir, 'same', build)));
    expect(builds).toBe(1);
  });
});
