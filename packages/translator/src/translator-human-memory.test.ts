import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { alignCorrection } from './correction-alignment.ts';
import { TranslationMemory } from './translation-memory.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

const make = dictionaryTranslators('translator-human-memory');
const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `test:translator-human-memory:${process.pid}:${Date.now()}:`;

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const article = (title: string, body: string) => ({ title, summary: '', body, categories: [] });

describe("Translator with an editor's corrections in the memory", () => {
  it("gives another article the editor's wording of a sentence without asking the model", async () => {
    const memoryPrefix = `${prefix}a:`;
    const first = make({}, memoryPrefix);
    const source = article(
      'Storm',
      '<p>The <a href="/m">minister</a> spoke. The house agreed.</p>',
    );
    const machine = (await first.translator.translateArticle(source, 'en', ['es'])).get('es');
    expect(first.sent()).toContain('The <g1> minister </g1> spoke.');
    expect(machine?.segmentOrigins.origins).toEqual({
      human: 0,
      humanMemory: 0,
      machineMemory: 0,
      model: 3,
    });

    // The editor rewrites the first sentence; the memory learns both sentences.
    const corrected = {
      ...source,
      title: 'Tormenta',
      body: '<p>Habló la <a href="/m">ministra</a>. La cámara aceptó.</p>',
    };
    const taught = alignCorrection(source, corrected, 'en', 'es');
    await new TranslationMemory(redis, { prefix: memoryPrefix }).setHuman(taught.entries);

    const next = make({}, memoryPrefix);
    const other = article(
      'Calm',
      '<p>Today the <a href="/m">minister</a> spoke.</p><p>The <a href="/m">minister</a> spoke.</p>',
    );
    const result = (await next.translator.translateArticle(other, 'en', ['es'])).get('es');
    expect(next.sent()).not.toContain('The <g1> minister </g1> spoke.');
    expect(result?.content.body).toContain('<p>Habló la <a href="/m">ministra</a>.</p>');
    expect(result?.segmentOrigins.origins).toEqual({
      human: 0,
      humanMemory: 1,
      machineMemory: 0,
      model: 2,
    });
    expect(result?.segmentOrigins.segments).toEqual([
      { block: 0, source: 'Calm', origin: 'model' },
      { block: 2, source: 'Today the minister spoke.', origin: 'model' },
      { block: 3, source: 'The minister spoke.', origin: 'human-memory' },
    ]);
    expect(next.translator.stats.humanMemoryHits).toBe(1);
  });

  it("outranks the machine's entry for the same sentence, and answers a pivoted direction whole", async () => {
    const memoryPrefix = `${prefix}b:`;
    const source = article('Hallo', '<p>Der Minister sprach.</p>');
    const warm = make({}, memoryPrefix);
    await warm.translator.translateArticle(source, 'de', ['it']);
    expect(warm.batches.map((b) => b.model)).toEqual([
      'Xenova/opus-mt-de-en',
      'Xenova/opus-mt-en-it',
    ]);

    const corrected = { ...source, title: 'Ciao', body: '<p>La ministra ha parlato.</p>' };
    await new TranslationMemory(redis, { prefix: memoryPrefix }).setHuman(
      alignCorrection(source, corrected, 'de', 'it').entries,
    );
    const again = make({}, memoryPrefix);
    const result = (await again.translator.translateArticle(source, 'de', ['it'])).get('it');
    expect(again.batches).toEqual([]);
    expect(result?.content.body).toBe('<p>La ministra ha parlato.</p>');
    expect(result?.segmentOrigins.origins.humanMemory).toBe(2);
  });

  it("gives back the editor's wording exactly where markup is glued to the words beside it", async () => {
    const memoryPrefix = `${prefix}c:`;
    const source = article(
      'Funding',
      '<p>The <code>PURL</code> funding ended.</p><p>He wrote (<em>sic</em>) twice.</p>' +
        '<p>They met in "<a href="https://x.test" rel="noopener noreferrer">Kyiv</a>".</p><p>It is <strong>very</strong> late.</p>',
    );
    // Markup glued to a word or a mark on either side, and (as a desk's double-click selects
    // it) a space inside an element's edge, which a page shows as the space between two words.
    const corrected = {
      ...source,
      title: 'Finanzierung',
      body:
        '<p>Die <code>PURL</code>-Finanzierung endete.</p><p>Er schrieb (<em>sic</em>) zweimal.</p>' +
        '<p>Sie trafen sich in «<a href="https://x.test" rel="noopener noreferrer">Kyiv</a>».</p>' +
        '<p>Es ist <strong>sehr </strong>spät.</p>',
    };
    const taught = alignCorrection(source, corrected, 'en', 'de');
    expect(taught.skipped).toEqual([]);
    await new TranslationMemory(redis, { prefix: memoryPrefix }).setHuman(taught.entries);

    const again = make({}, memoryPrefix);
    const result = (await again.translator.translateArticle(source, 'en', ['de'])).get('de');
    expect(again.batches).toEqual([]);
    expect(result?.content.body).toBe(
      '<p>Die <code>PURL</code>-Finanzierung endete.</p><p>Er schrieb (<em>sic</em>) zweimal.</p>' +
        '<p>Sie trafen sich in «<a href="https://x.test" rel="noopener noreferrer">Kyiv</a>».</p>' +
        '<p>Es ist <strong>sehr</strong> spät.</p>',
    );
  });
});
