import { ensureTestModels, expectedTranslation } from '@tidings/test-models';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from './translator.ts';

// The dictionary model copies every word its table lacks, so on such words the real
// en → es model, run by ONNX Runtime, is an identity: what comes back must be what went in.
const en2es = { src: 'en', tgt: 'es' } as const;
const unchanged = (w: string) => expectedTranslation(w, en2es) === w;

const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/).filter(unchanged),
  fc.integer({ min: 0, max: 99_999 }).map(String),
);
const punctuation = fc.constantFrom('', '', '', '.', ',', '!', '?', ';');
const text = fc
  .array(fc.tuple(word, punctuation), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([w, p]) => w + p).join(' '));
const attribute = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** Inline HTML: text, nested inline elements with attributes, line breaks and code. */
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    text.map((t) => ` ${t} `),
    fc.constant('<br>'),
    attribute.map((a) => `<code>${a} = 1</code>`),
    fc
      .tuple(
        fc.constantFrom('em', 'strong', 'span'),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      )
      .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).node;

/** Links cannot nest, so they only wrap other inline content. */
const part = fc.oneof(
  inline,
  fc
    .tuple(attribute, attribute, fc.array(inline, { minLength: 1, maxLength: 3 }))
    .map(
      ([path, query, children]) =>
        `<a href="https://example.org/${path}?q=${query}&amp;n=2">${children.join('')}</a>`,
    ),
);

const body = fc
  .array(
    fc.tuple(
      fc.constantFrom('p', 'h2', 'blockquote'),
      fc.array(part, { minLength: 1, maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((blocks) => blocks.map(([tag, parts]) => `<${tag}>${parts.join('')}</${tag}>`).join('\n'));

const VOID = new Set(['br', 'img', 'hr']);

/** What a reader's browser would see: tags with attributes, words, and whether all close. */
function structure(html: string) {
  const tags: string[] = [];
  const words: string[] = [];
  const open: string[] = [];
  let balanced = true;
  const parser = new Parser({
    onopentag(name, attributes) {
      tags.push(
        `<${name}${Object.entries(attributes)
          .map(([k, v]) => ` ${k}="${v}"`)
          .join('')}>`,
      );
      if (!VOID.has(name)) open.push(name);
    },
    onclosetag(name, implied) {
      if (VOID.has(name)) return;
      if (implied || open.pop() !== name) balanced = false;
      tags.push(`</${name}>`);
    },
    ontext(data) {
      words.push(...data.split(/\s+/).filter(Boolean));
    },
  });
  parser.write(html);
  parser.end();
  return { tags, words, balanced: balanced && open.length === 0 };
}

let translator: Translator;

beforeAll(async () => {
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  translator = new Translator({ modelsDir: dictionaryModelsDir, ortThreads: 1 });
}, 120_000);

afterAll(() => translator?.close());

describe('random HTML through the segmenter and a real identity model', () => {
  it('keeps tags balanced, every word in order and every attribute', async () => {
    // A body of code and numbers alone needs no model; over the run, the model must work.
    let modelCalls = 0;
    await fc.assert(
      fc.asyncProperty(body, text, async (html, title) => {
        const content = { title, summary: '', body: html, categories: [] };
        const result = (await translator.translateArticle(content, 'en', ['es'])).get('es');
        if (!result) throw new Error('no Spanish version');
        expect(result.needsReview).toEqual([]);
        modelCalls += result.modelCalls;
        expect(result.content.title).toBe(title);
        const source = structure(html);
        const out = structure(result.content.body);
        expect(source.balanced).toBe(true);
        expect(out.balanced).toBe(true);
        expect(out.tags).toEqual(source.tags);
        expect(out.words).toEqual(source.words);
      }),
      { numRuns: 100 },
    );
    expect(modelCalls).toBeGreaterThan(50);
  }, 300_000);
});
