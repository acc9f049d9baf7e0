import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const checker = fileURLToPath(new URL('../../../scripts/check-boundaries.mjs', import.meta.url));
const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** A small monorepo with a store and an api package, plus the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-lint-'));
  trees.push(dir);
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ workspaces: ['apps/*', 'packages/*'] }),
    'packages/store/package.json': JSON.stringify({
      name: '@tidings/store',
      exports: { '.': './src/index.ts', './testing': './src/testing/index.ts' },
    }),
    'packages/store/src/index.ts': `export const q = '${select('id FROM articles WHERE id = $1')}';\n`,
    'packages/store/src/store.ts': 'export class Store {}\n',
    'apps/api/package.json': JSON.stringify({ name: '@tidings/api' }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// The fixtures' SQL is put together from pieces so that this file holds none itself.
const select = (rest: string) => ['SELECT', rest].join(' ');

const lint = (dir: string) => spawnSync(process.execPath, [checker, dir], { encoding: 'utf8' });

describe('npm run lint (check-boundaries)', () => {
  it('passes a tree that keeps SQL in the store and imports packages by their entries', () => {
    const result = lint(
      tree({
        'apps/api/src/main.ts': [
          "import { Store } from '@tidings/store';",
          "import { q } from '@tidings/store/testing';",
          "import { x } from './x.ts';",
          "export const note = 'Select a language, then update the page.';",
        ].join('\n'),
      }),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on SQL written outside packages/store, naming the file and line', () => {
    const result = lint(
      tree({
        'apps/api/src/feed.ts': [
          'export const names = (l: string) =>',
          `  \`${select('DISTINCT name FROM translations WHERE language = ')}\${l}\`;`,
        ].join('\n'),
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apps/api/src/feed.ts:2: SQL outside packages/store');
  });

  it("fails on an import of another package's files, by path or by a subpath it does not export", () => {
    const result = lint(
      tree({
        'apps/api/src/a.ts': "import { Store } from '../../../packages/store/src/store.ts';\n",
        'apps/api/src/b.ts': "import { Store } from '@tidings/store/src/store.ts';\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'apps/api/src/a.ts:1: imports ../../../packages/store/src/store.ts',
    );
    expect(result.stderr).toContain('apps/api/src/b.ts:1: imports @tidings/store/src/store.ts');
  });
});
