import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion, postArticle, untilFinal } from './harness/article-client.ts';
import { BACKENDS } from './harness/backends.ts';
import { type Launched, launch } from './harness/launch.ts';
import { parsePrometheus } from './harness/prometheus.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const SENTENCE =
  'The <a href="https://example.org/minister">minister</a> said that Ukraine has joined the JEF.';
/** A link as it is published: the sanitizer adds `rel` to every link, the editor's too. */
const LINK = '<a href="https://example.org/minister" rel="noopener noreferrer">';
const CORRECTED =
  'El <a href="https://example.org/minister">ministro</a> dijo que Ucrania se ha unido a la JEF.';

describe.each(BACKENDS)('corrections teach the translation memory, on $name', (backend) => {
  let tidings: Installation;
  let api: Launched;
  let editor: string;
  let publisher: string;
  let drop: () => Promise<void> = async () => {};
  let secondId = '';

  /** `tidings_segments_total{origin}` now: segments the workers' translators reported, by origin. */
  async function segmentsBy(origin: string): Promise<number> {
    // Only this counter's lines: a gauge sampled too early may read NaN, which is no concern here.
    const text = await (await fetch(`${tidings.url}/metrics`)).text();
    const lines = text.split('\n').filter((l) => l.startsWith('tidings_segments_total{'));
    return parsePrometheus(lines.join('\n')).find((m) => m.labels.origin === origin)?.value ?? 0;
  }

  beforeAll(async () => {
    if (!backend.available) return;
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    const prepared = await backend.prepare();
    drop = prepared.drop;
    // Spanish only, so every model call counted is one for Spanish.
    tidings = await installation({
      ...prepared.env,
      MODELS_DIR: models.dictionaryModelsDir,
      LANGUAGES: 'en,es',
    });
    api = await tidings.startApi();
    await tidings.startWorker();
    editor = await tidings.createKey('editor');
    publisher = await tidings.createKey('publisher');
  }, 600_000);
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  it.skipIf(!backend.available)(
    "publishes a new article with the editor's wording of a sentence, which no model translated",
    async () => {
      const first = await postArticle(tidings, publisher, {
        title: 'Storm over the capital',
        body: `<p>${SENTENCE}</p><p>The house agreed.</p>`,
        language: 'en',
      });
      await untilFinal(tidings, publisher, first.id, 180_000);
      const machine = await getVersion(tidings, editor, first.id, 'es');
      expect(machine.content?.body).toContain(`El ${LINK}ministro</a> said que`);
      expect(machine.origins).toEqual({ human: 0, humanMemory: 0, machineMemory: 0, model: 3 });

      const put = await tidings.call('PUT', `/v1/articles/${first.id}/es`, editor, {
        title: 'Tormenta sobre la capital',
        summary: '',
        body: `<p>${CORRECTED}</p><p>La cámara aceptó.</p>`,
        categories: [],
      });
      expect(put.status).toBe(200);
      const edited = (await put.json()) as Awaited<ReturnType<typeof getVersion>>;
      expect(edited.origins).toEqual({ human: 3, humanMemory: 0, machineMemory: 0, model: 0 });
      expect(edited.segments[1]).toEqual({
        block: 2,
        source: 'The minister said that Ukraine has joined the JEF.',
        origin: 'human',
      });
      // The memory is written after the answer, in the background.
      await eventually(
        async () =>
          api.output().includes("the translation memory learnt an editor's wording") || undefined,
        30_000,
        'the memory to learn the correction',
      );

      const modelBefore = await segmentsBy('model');
      const humanBefore = await segmentsBy('human-memory');
      const second = await postArticle(tidings, publisher, {
        title: 'A quiet day',
        body: `<p>${SENTENCE}</p><p>Nothing else happened.</p>`,
        language: 'en',
      });
      await untilFinal(tidings, publisher, second.id, 180_000);
      secondId = second.id;
      const es = await getVersion(tidings, editor, second.id, 'es');
      expect(es.status).toBe('published');
      expect(es.content?.body).toContain(
        `<p>${CORRECTED.replace('<a href="https://example.org/minister">', LINK)}</p>`,
      );
      expect(es.origins).toEqual({ human: 0, humanMemory: 1, machineMemory: 0, model: 2 });
      expect(es.segments).toEqual([
        { block: 0, source: 'A quiet day', origin: 'model' },
        {
          block: 2,
          source: 'The minister said that Ukraine has joined the JEF.',
          origin: 'human-memory',
        },
        { block: 3, source: 'Nothing else happened.', origin: 'model' },
      ]);
      // Counted by the worker's translator as it worked: the model translated the title and
      // the other sentence, and nothing else.
      await eventually(
        async () => (await segmentsBy('model')) === modelBefore + 2 || undefined,
        10_000,
      );
      expect(await segmentsBy('human-memory')).toBe(humanBefore + 1);
    },
    600_000,
  );

  it.skipIf(!backend.available)(
    'tidings retry --include-published translates a published machine version again',
    async () => {
      expect(secondId).not.toBe('');
      const run = async (...args: string[]) => {
        const cli = launch(['apps/cli/bin/tidings.mjs', 'retry', secondId, ...args], {
          ...tidings.env,
          TIDINGS_KEY: editor,
        });
        return { code: (await cli.exited()).code, output: cli.output() };
      };
      const plain = await run();
      expect(plain.code, plain.output).toBe(1);
      expect(plain.output).toContain('nothing to retry');
      const again = await run('--include-published', '--wait');
      expect(again.code, again.output).toBe(0);
      expect(again.output).toMatch(/^es: queued again \(job .+\.retry1\)$/m);
      expect(again.output).toMatch(/^es published$/m);
      // Translated again, the corrected sentence still comes from the editor's wording.
      const es = await getVersion(tidings, editor, secondId, 'es');
      expect(es.origins?.humanMemory).toBe(1);
    },
    300_000,
  );
});
