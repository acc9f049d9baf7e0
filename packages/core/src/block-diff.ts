import { Parser } from 'htmlparser2';

/** One change between two versions of an article's source. */
export interface SourceChangeEntry {
  /** Which part of the article changed. */
  readonly field: 'title' | 'summary' | 'body';
  readonly kind: 'added' | 'removed' | 'changed';
  /** For the body: the block's position (from 0) in the new body, or in the old one when removed. */
  readonly block: number | null;
  /** The old text (`null` when added) and the new (`null` when removed), as plain text. */
  readonly old: string | null;
  readonly new: string | null;
}

/**
 * The top-level blocks of an HTML body as plain text (a paragraph, a heading, a list…), in
 * order; text between blocks is a block of its own.
 *
 * @example
 * bodyBlocks('<p>One</p><p>Two</p>'); // ['One', 'Two']
 */
export function bodyBlocks(html: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let text = '';
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push(clean);
    text = '';
  };
  const parser = new Parser(
    {
      onopentag() {
        if (depth === 0) flush();
        depth++;
      },
      ontext(data) {
        text += data;
      },
      onclosetag(_name, implied) {
        depth = Math.max(0, depth - 1);
        // An element closed by the parser on its own (a void element) still ends a word.
        if (implied) text += ' ';
        if (depth === 0) flush();
        else text += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** Longest common subsequence of two lists of blocks, as index pairs. */
function matches(a: readonly string[], b: readonly string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = table[i] as number[];
    const below = table[i + 1] as number[];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/**
 * What changed between two versions of an article's source, for an editor merging a
 * correction: the title and summary when they differ, and the body block by block (blocks
 * kept in order are matched; between two matches, removed and added blocks are paired as
 * `changed`, the rest are `removed` or `added`).
 *
 * @example
 * sourceChanges({ title: 'A', summary: '', body: '<p>x</p>' }, { title: 'A', summary: '', body: '<p>y</p>' });
 * // [{ field: 'body', kind: 'changed', block: 0, old: 'x', new: 'y' }]
 */
export function sourceChanges(
  before: { readonly title: string; readonly summary: string; readonly body: string },
  after: { readonly title: string; readonly summary: string; readonly body: string },
): SourceChangeEntry[] {
  const changes: SourceChangeEntry[] = [];
  for (const field of ['title', 'summary'] as const) {
    if (before[field] === after[field]) continue;
    const kind = before[field] === '' ? 'added' : after[field] === '' ? 'removed' : 'changed';
    changes.push({
      field,
      kind,
      block: null,
      old: kind === 'added' ? null : before[field],
      new: kind === 'removed' ? null : after[field],
    });
  }
  const a = bodyBlocks(before.body);
  const b = bodyBlocks(after.body);
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches(a, b), [a.length, b.length] as [number, number]]) {
    const removed = a.slice(i, mi);
    const added = b.slice(j, mj);
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      if (k < paired) {
        changes.push({
          field: 'body',
          kind: 'changed',
          block: j + k,
          old: removed[k] ?? null,
          new: added[k] ?? null,
        });
      } else if (k < removed.length) {
        changes.push({
          field: 'body',
          kind: 'removed',
          block: i + k,
          old: removed[k] ?? null,
          new: null,
        });
      } else {
        changes.push({
          field: 'body',
          kind: 'added',
          block: j + k,
          old: null,
          new: added[k] ?? null,
        });
      }
    }
    i = mi + 1;
    j = mj + 1;
  }
  return changes;
}
