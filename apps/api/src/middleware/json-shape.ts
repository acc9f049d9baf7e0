/** How deeply a request's JSON may nest objects and arrays; an article needs three levels. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with the shape of a JSON text, and where (a dotted path; `` for the root). */
export type JsonShapeProblem =
  | { readonly kind: 'too-deep'; readonly path: string }
  | { readonly kind: 'duplicate-key'; readonly path: string }
  | { readonly kind: 'forbidden-key'; readonly path: string };

interface Frame {
  readonly object: boolean;
  readonly path: string;
  readonly keys: Set<string>;
  index: number;
  key: string;
}

const child = (frame: Frame | undefined): string => {
  if (!frame) return '';
  const name = frame.object ? frame.key : String(frame.index);
  return frame.path ? `${frame.path}.${name}` : name;
};

/**
 * Finds what `JSON.parse` lets through silently or what walking the result would choke on:
 * nesting deeper than `maxDepth`, a key given twice in one object (JSON.parse keeps the last),
 * and `__proto__`-style keys. One pass over text already known to be valid JSON, with an
 * explicit stack: no recursion, so no depth can overflow it.
 *
 * @example
 * inspectJsonShape('{"title":"a","title":"b"}'); // { kind: 'duplicate-key', path: 'title' }
 */
export function inspectJsonShape(
  text: string,
  maxDepth: number = MAX_JSON_DEPTH,
): JsonShapeProblem | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      // `{` or `[`
      const path = child(stack[stack.length - 1]);
      if (stack.length >= maxDepth) return { kind: 'too-deep', path };
      stack.push({ object: c === 0x7b, path, keys: new Set(), index: 0, key: '' });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      // `,` between members or elements
      const top = stack[stack.length - 1];
      if (top) top.index++;
    } else if (c === 0x22) {
      // A string: find its end, skipping escaped characters.
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      let after = end + 1;
      while (/\s/.test(text[after] ?? '')) after++;
      if (top?.object && text[after] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.key = key;
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', path: child(top) };
        if (top.keys.has(key)) return { kind: 'duplicate-key', path: child(top) };
        top.keys.add(key);
      }
      i = end;
    }
  }
  return undefined;
}
