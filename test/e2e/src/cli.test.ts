import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels, expectedTranslation, type TestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { descendants, isAlive, launch } from './harness/launch.ts';
import { printedLines as lines, runCli } from './harness/run-cli.ts';
import { seedArticle } from './harness/seed-article.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const SEED_FILE = 'test/fixtures/articles/jef-extended-partner.txt';
const TARGETS = ['es', 'de', 'fr', 'it', 'uk'] as const;
const TOKEN = /tdg_[A-Za-z0-9_-]{43}/;

let models: TestModels;
let tidings: Installation;
const scratch = mkdtempSync(join(tmpdir(), 'tidings-cli-e2e-'));

/** Runs `tidings …` as a user would, in the installation's environment, until it exits. */
const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  runCli(tidings.env, args, env);

/** Whether redis-server can be run here, for a Redis with settings of the test's own. */
const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/** Runs redis-cli against a port; resolves `true` when it succeeded, else `undefined`. */
function redisCli(port: number, args: readonly string[]): Promise<true | undefined> {
  return new Promise((resolve) => {
    const child = spawn('redis-cli', ['-p', String(port), ...args], { stdio: 'ignore' });
    child.once('error', () => resolve(undefined));
    child.once('exit', (code) => resolve(code === 0 ? true : undefined));
  });
}

beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['dictionary'] });
  tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
  await tidings.startApi();
  await tidings.startWorker();
});

afterAll(async () => {
  await tidings?.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

describe('tidings, the command line, against a running installation', () => {
  let publisher: string;
  let articleId: string;

  it('makes a publisher key with the admin key in DATA_DIR and prints its token once', async () => {
    const run = await cli(['keys', 'create', '--role', 'publisher', '--name', 'newsroom CMS']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/created publisher key "newsroom CMS" \(id [0-9a-f-]{36}\)/);
    publisher = TOKEN.exec(run.output)?.[0] ?? '';
    expect(publisher).not.toBe('');

    const list = await cli(['keys', 'list']);
    expect(list.code).toBe(0);
    expect(list.output).toMatch(/publisher\s+newsroom CMS\s+.+active/);
    expect(list.output).not.toContain(publisher);
  });

  it('posts the Ukrainian-outlet seed and follows every language until it is published', async () => {
    const run = await cli(['post', SEED_FILE, '--category', 'Defence'], { TIDINGS_KEY: publisher });
    expect(run.code, run.output).toBe(0);
    const posted = /^posted ([0-9a-f-]{36}) \(en, revision 1\): (.+)$/m.exec(run.output);
    expect(posted?.[2]).toBe("Ukraine joins Northern Europe's JEF defense alliance");
    articleId = posted?.[1] ?? '';
    // Not a terminal: one plain line each time a language changes, ending with all published.
    for (const lang of TARGETS) {
      expect(run.output).toMatch(
        new RegExp(`^✓ ${lang} +\\S+ +published +Xenova/opus-mt-en-${lang} +[\\d.]+ m?s$`, 'm'),
      );
    }
    expect(run.output).not.toContain('\x1b[');
    expect(lines(run.output).at(-1)).toBe(`${articleId}: every language is settled.`);

    // What the CLI posted is what the publisher would have posted by hand: same text, translated.
    const es = (await (
      await tidings.call('GET', `/v1/articles/${articleId}/es`, publisher)
    ).json()) as { content: { title: string; categories: string[] } };
    const seed = seedArticle('jefExtendedPartner');
    expect(es.content.title).toBe(expectedTranslation(seed.title, { src: 'en', tgt: 'es' }));
  });

  it('titles the seed that starts with a language menu by its headline, and says which line it chose', async () => {
    const run = await cli(['post', 'test/fixtures/articles/chas-pravdy-jef.txt', '--no-wait'], {
      TIDINGS_KEY: publisher,
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(
      'tidings: title from line 8 of test/fixtures/articles/chas-pravdy-jef.txt: "Ukraine Gains New Strategic Partnership Status within International Military Alliances" (passed over 6 navigation lines before it: "• En", "• Es", "• De", …)',
    );
    expect(run.output).not.toMatch(/warning/);
    const posted = /^posted ([0-9a-f-]{36}) \(en, revision 1\): (.+)$/m.exec(run.output);
    expect(posted?.[2]).toBe(
      'Ukraine Gains New Strategic Partnership Status within International Military Alliances',
    );
    const view = (await (
      await tidings.call('GET', `/v1/articles/${posted?.[1]}`, publisher)
    ).json()) as { slug: string };
    expect(view.slug).toMatch(/^ukraine-gains-new-strategic/);

    const short = join(scratch, 'short.txt');
    writeFileSync(short, '• En\n• Es\nKyiv\nThe text of the article.\n');
    const warned = await cli(['post', short, '--no-wait', '--language', 'en'], {
      TIDINGS_KEY: publisher,
    });
    expect(warned.code, warned.output).toBe(0);
    expect(warned.output).toContain(
      'tidings: warning: the title "Kyiv" is very short (4 characters): is it the headline? Give the title with --title',
    );
  });

  it('shows the status of every language as a table, and as JSON', async () => {
    const run = await cli(['status', articleId], { TIDINGS_KEY: publisher });
    expect(run.code).toBe(0);
    const table = lines(run.output);
    expect(table[0]).toBe("Ukraine joins Northern Europe's JEF defense alliance");
    expect(table[2]).toMatch(/^LANG +STATUS +MODEL +QUEUED +TOOK +PUBLISHED +NOTE$/);
    expect(table[3]).toMatch(/^en +source +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    for (const lang of TARGETS) {
      expect(run.output).toMatch(
        new RegExp(
          `^${lang} +published +Xenova/opus-mt-en-${lang} +[\\d.]+ m?s +[\\d.]+ m?s +\\d{4}-`,
          'm',
        ),
      );
    }

    const json = await cli(['status', articleId, '--json'], { TIDINGS_KEY: publisher });
    const view = JSON.parse(json.output) as { languages: Record<string, { status: string }> };
    expect(Object.keys(view.languages).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'uk']);
    expect(view.languages.uk?.status).toBe('published');
  });

  it("publishes an editor's correction of one language, and refuses it from a publisher key", async () => {
    const made = await cli(['keys', 'create', '--role', 'editor', '--name', 'German desk']);
    const editor = TOKEN.exec(made.output)?.[0] ?? '';
    const file = join(scratch, 'korrektur.md');
    writeFileSync(file, '# Die Ukraine tritt der JEF bei\n\nVon der Redaktion **korrigiert**.\n');

    const refused = await cli(['edit', articleId, 'de', file], { TIDINGS_KEY: publisher });
    expect(refused.code).toBe(1);
    expect(lines(refused.output)[0]).toBe(
      'tidings: Forbidden: A publisher key cannot do this; only editor keys can.',
    );

    // In a German terminal, the API's problem comes back in German.
    const german = await cli(['edit', articleId, 'de', file], {
      TIDINGS_KEY: publisher,
      LANG: 'de_DE.UTF-8',
    });
    expect(german.code).toBe(1);
    expect(lines(german.output)[0]).toBe(
      'tidings: Verboten: Ein publisher-Schlüssel darf das nicht; nötig ist ein editor-Schlüssel.',
    );
    // For a script (--json), the API's words stay English whatever the terminal's language.
    const scripted = await cli(['edit', articleId, 'de', file, '--json'], {
      TIDINGS_KEY: publisher,
      LANG: 'de_DE.UTF-8',
    });
    expect(lines(scripted.output)[0]).toBe(
      'tidings: Forbidden: A publisher key cannot do this; only editor keys can.',
    );

    const run = await cli(['edit', articleId, 'de', file, '--key', editor]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`${articleId} de: edited;`);
    const de = (await (
      await tidings.call('GET', `/v1/articles/${articleId}/de`, editor)
    ).json()) as {
      status: string;
      content: { title: string; body: string };
    };
    expect(de.status).toBe('edited');
    expect(de.content.title).toBe('Die Ukraine tritt der JEF bei');
    expect(de.content.body).toContain('<strong>korrigiert</strong>');
  });

  it("prints the API's problem as one line, with a line per offending field", async () => {
    const file = join(scratch, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ title: 'Kyiv', body: '<p>Text.</p>', slug: 'Not A Slug' }),
    );
    const run = await cli(['post', file], { TIDINGS_KEY: publisher });
    expect(run.code).toBe(1);
    const [head, ...fields] = lines(run.output);
    expect(head).toMatch(/^tidings: Validation failed: .+/);
    expect(fields).toContain('  slug: lowercase letters, digits and single hyphens');
  });

  it('retracts the article in every language', async () => {
    const run = await cli(['retract', articleId], { TIDINGS_KEY: publisher });
    expect(run.code).toBe(0);
    expect(run.output).toContain(`retracted ${articleId}`);
    const json = await cli(['status', articleId, '--json'], { TIDINGS_KEY: publisher });
    expect((JSON.parse(json.output) as { retractedAt: string | null }).retractedAt).not.toBeNull();
  });

  it('lists the workers, alive, with the admin key; and as JSON', async () => {
    const run = await cli(['workers']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/^WORKER +STATE +LAST HEARD +VERSION +JOBS +MODELS$/m);
    expect(run.output).toMatch(/^\S+:\d+:[0-9a-f]{6} +alive +[\d.]+ (ms|s) ago +0\.1\.0 +0\/\d+ /m);
    expect(run.output).toMatch(/^1 alive, 0 silent$/m);
    const json = JSON.parse((await cli(['workers', '--json'])).output) as {
      workers: { state: string; models: string[] }[];
    };
    expect(json.workers).toHaveLength(1);
    // The worker translated the seed into five languages earlier: its engine holds the models.
    expect(json.workers[0]?.models.length).toBeGreaterThan(0);
    const publisherRun = await cli(['workers'], { TIDINGS_KEY: publisher });
    expect(publisherRun.code).toBe(1);
    expect(publisherRun.output).toMatch(/403|admin/);
  });

  it('says what is fine and what is not with doctor', async () => {
    const run = await cli(['doctor']);
    expect(run.output).toMatch(/^✓ Redis: redis:\/\/.+ answers$/m);
    expect(run.output).toMatch(/^✓ API: http:\/\/127\.0\.0\.1:\d+ is ready$/m);
    expect(run.output).toMatch(/^✓ Workers: 1 alive \(.+ pid \d+\)$/m);
    expect(run.output).toMatch(/^✓ Models: all 19 models the model map needs are in /m);

    const dead = await freePort();
    const down = await cli(['doctor'], { TIDINGS_URL: `http://127.0.0.1:${dead}` });
    expect(down.code).toBe(1);
    expect(down.output).toMatch(/^✗ API: nothing answers at http:\/\/127\.0\.0\.1:\d+/m);
    expect(down.output).toMatch(/^ {4}fix: start it with `npm start`/m);

    // Nor at the private port npm start would use (doctor looks there too).
    const noRedis = await cli(['doctor'], {
      REDIS_URL: `redis://127.0.0.1:${dead}`,
      REDIS_PRIVATE_PORT: String(dead),
    });
    expect(noRedis.code).toBe(1);
    expect(noRedis.output).toMatch(
      new RegExp(
        `^✗ Redis: nothing answers at redis://127\\.0\\.0\\.1:${dead} \\(connect ECONNREFUSED`,
        'm',
      ),
    );
  });

  it.skipIf(!hasRedisServer())(
    'says how to fix a Redis that may evict jobs and keeps nothing on disk',
    async () => {
      const port = await freePort();
      const redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      redis.once('error', () => {});
      try {
        const url = `redis://127.0.0.1:${port}`;
        // A fresh redis-server evicts nothing by default: set the policy BullMQ cannot live with.
        await eventually(
          () => redisCli(port, ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru']),
          20_000,
          'the private redis-server',
        );
        const run = await cli(['doctor'], { REDIS_URL: url });
        expect(run.code).toBe(1);
        expect(run.output).toMatch(/^✓ Redis: redis:\/\/127\.0\.0\.1:\d+ answers$/m);
        expect(run.output).toMatch(/^✗ Redis eviction: maxmemory-policy is allkeys-lru: /m);
        expect(run.output).toMatch(/^ {4}fix: redis-cli CONFIG SET maxmemory-policy noeviction/m);
        expect(run.output).toMatch(/^! Redis persistence: off: /m);
        expect(run.output).toMatch(/^ {4}fix: redis-cli CONFIG SET appendonly yes/m);
      } finally {
        redis.kill('SIGKILL');
      }
    },
  );
});

describe('tidings worker', () => {
  it('runs a worker in the foreground and stops it, and itself, on Ctrl-C', async () => {
    const run = launch(['apps/cli/bin/tidings.mjs', 'worker'], tidings.env);
    try {
      await run.waitFor(/worker ready/);
      const family = descendants(run.child.pid ?? 0);
      expect(family.length).toBeGreaterThanOrEqual(1);
      run.child.kill('SIGINT');
      expect((await run.exited()).code).toBe(0);
      expect(run.output()).toMatch(/"msg":"stopped"/);
      await new Promise((r) => setTimeout(r, 200));
      expect(family.filter(isAlive)).toEqual([]);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });
});
