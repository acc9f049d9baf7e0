import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@tidings/store';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import { type Launched, launch } from './harness/launch.ts';
import { type Installation, installation } from './harness/service.ts';

const DRAFT = {
  title: 'Ukraine tritt der JEF bei',
  summary: '',
  body: '<p>Die Ukraine hat den erweiterten Partnerstatus erhalten.</p>',
  categories: [],
};

/** A French draft held too, with a summary and categories an editor's file does not give. */
const FRENCH = {
  title: "L'Ukraine rejoint la JEF",
  summary: 'Statut de partenaire élargi.',
  body: "<p>L'Ukraine a obtenu le statut de partenaire élargi.</p>",
  categories: ['Défense', 'Diplomatie'],
};

describe.each(BACKENDS)('reviewing a draft with the command line, on $name', (backend) => {
  let tidings: Installation;
  let api: Launched;
  let editor: string;
  let id = '';
  let drop: () => Promise<void> = async () => {};

  /** Runs `tidings …` with the editor's key, until it exits. */
  async function cli(args: readonly string[]) {
    const run = launch(['apps/cli/bin/tidings.mjs', ...args], {
      ...tidings.env,
      TIDINGS_KEY: editor,
    });
    const { code } = await run.exited();
    return { code, output: run.output() };
  }

  beforeAll(async () => {
    if (!backend.available) return;
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    const prepared = await backend.prepare();
    drop = prepared.drop;
    tidings = await installation({ ...prepared.env, MODELS_DIR: models.dictionaryModelsDir });
    api = await tidings.startApi();
    const publisher = await tidings.createKey('publisher');
    editor = await tidings.createKey('editor');
    ({ id } = await postArticle(tidings, publisher, {
      title: 'Ukraine joins the JEF',
      body: '<p>Ukraine has been granted extended partner status.</p>',
      language: 'en',
    }));
    // No worker runs: a draft held for review is written as the results consumer would (with
    // the API stopped, as PGlite serves one process).
    api.child.kill('SIGTERM');
    await api.exited();
    const store = await openStore({
      dataDir: tidings.dataDir,
      databaseUrl: tidings.env.DATABASE_URL,
    });
    try {
      await store.recordTranslationResult({
        articleId: id,
        language: 'de',
        revision: 1,
        content: DRAFT,
        model: 'Xenova/opus-mt-en-de',
        status: 'needs_review',
        reason: 'a link was lost',
      });
      await store.recordTranslationResult({
        articleId: id,
        language: 'fr',
        revision: 1,
        content: FRENCH,
        model: 'Xenova/opus-mt-en-fr',
        status: 'needs_review',
        reason: 'a link was lost',
      });
    } finally {
      await store.close();
    }
    api = await tidings.startApi();
  }, 600_000);
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  it.skipIf(!backend.available)('shows the source and the draft awaiting review', async () => {
    const run = await cli(['show', id, 'de']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/ · de · needs_review \(revision 1; model Xenova\/opus-mt-en-de\)/);
    expect(run.output).toMatch(/^Reason: a link was lost$/m);
    expect(run.output).toMatch(
      /── Source \(en, revision 1\) ─+\nUKRAINE JOINS THE JEF\n\nUkraine has been granted/,
    );
    expect(run.output).toMatch(/── Draft awaiting review \(de\) ─+\nUKRAINE TRITT DER JEF BEI/);
    expect(run.output).toMatch(
      /── Published \(de\) ─+\nNothing is published in this language yet\./,
    );
  });

  it.skipIf(!backend.available)(
    'finds it in the review queue with `tidings list`, by state, language and title words',
    async () => {
      const run = await cli(['list', '--status', 'needs_review', '--language', 'de']);
      expect(run.code, run.output).toBe(0);
      // Counted under the same filters but the state: the one German version, held.
      expect(run.output.split('\n')[0]).toBe('1 needs_review');
      expect(run.output).toMatch(/^ID +UPDATED +SRC +TITLE +LANGUAGES$/m);
      expect(run.output).toMatch(
        new RegExp(
          `^${id} +\\S+ \\S+ +en +Ukraine joins the JEF +es queued, de needs_review, fr needs_review`,
          'm',
        ),
      );
      const search = await cli(['list', '--search', 'UKRAINE jef', '--json']);
      expect(search.code, search.output).toBe(0);
      const listed = JSON.parse(search.output) as { items: { id: string }[] };
      expect(listed.items.map((i) => i.id)).toEqual([id]);
      const none = await cli(['list', '--status', 'failed']);
      expect(none.code, none.output).toBe(0);
      expect(none.output).toContain('No articles match.');
    },
  );

  it.skipIf(!backend.available)(
    'approves it, and then shows it published and approved',
    async () => {
      const run = await cli(['approve', id, 'de']);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain(`${id} de: approved and published as the machine made it`);
      const shown = await cli(['show', id, 'de']);
      expect(shown.output).toMatch(
        / · de · published \(revision 1; model Xenova\/opus-mt-en-de, approved by “e2e editor”\)/,
      );
      expect(shown.output).toMatch(/── Published \(de\) ─+\nUKRAINE TRITT DER JEF BEI/);
      expect(shown.output).not.toContain('Draft awaiting review');
      const again = await cli(['approve', id, 'de']);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(
        /de version is published; only a needs_review draft can be approved/,
      );
    },
  );
  it.skipIf(!backend.available)(
    "approves and corrects from a file without touching what the file does not give: the draft's summary and categories stay, until --category or a JSON file's [] changes them",
    async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'tidings-review-cli-'));
      const fix = join(scratch, 'fix.md');
      writeFileSync(fix, "# L'Ukraine devient partenaire de la JEF\n\nCorrigé par la rédaction.\n");
      const french = async () =>
        (
          (await (await tidings.call('GET', `/v1/articles/${id}/fr`, editor)).json()) as {
            status: string;
            content: { title: string; summary: string; categories: string[] };
          }
        ).content;

      const approved = await cli(['approve', id, 'fr', fix]);
      expect(approved.code, approved.output).toBe(0);
      expect(await french()).toMatchObject({
        title: "L'Ukraine devient partenaire de la JEF",
        summary: FRENCH.summary,
        categories: FRENCH.categories,
      });

      writeFileSync(fix, "# L'Ukraine, partenaire de la JEF\n\nCorrigé deux fois.\n");
      const edited = await cli(['edit', id, 'fr', fix]);
      expect(edited.code, edited.output).toBe(0);
      expect(await french()).toMatchObject({
        title: "L'Ukraine, partenaire de la JEF",
        summary: FRENCH.summary,
        categories: FRENCH.categories,
      });

      const recategorised = await cli(['edit', id, 'fr', fix, '--category', 'Diplomatie']);
      expect(recategorised.code, recategorised.output).toBe(0);
      expect((await french()).categories).toEqual(['Diplomatie']);

      const cleared = join(scratch, 'fix.json');
      writeFileSync(
        cleared,
        JSON.stringify({ title: 'Sans rubrique', body: '<p>Texte.</p>', categories: [] }),
      );
      const emptied = await cli(['edit', id, 'fr', cleared]);
      expect(emptied.code, emptied.output).toBe(0);
      expect(await french()).toMatchObject({ summary: FRENCH.summary, categories: [] });
    },
  );
});
