// The article walk's entries resolved in a tree: `FILE#NAME[.NAME…] [VERB PATH | ON EVENT]` to
// the declarations or registrations to start from (the form is in scripts/article-walk.mjs).
import { join } from 'node:path';
import ts from 'typescript';

/** The declarations named `name` directly in `scope` (a file's top, a class, a function's body). */
export function declaredIn(scope, name) {
  if (ts.isClassDeclaration(scope) || ts.isClassExpression(scope))
    return scope.members.filter((m) => m.name?.getText() === name);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isVariableDeclaration(node)) &&
      node.name?.getText() === name
    ) {
      found.push(node);
      return;
    }
    // Not into nested functions: a name is looked for in its own scope, then the next NAME in its.
    if (node !== scope && ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/** The function a declaration holds: itself, or a variable's initializer. */
export const bodyOf = (node) =>
  ts.isVariableDeclaration(node) && node.initializer ? node.initializer : node;

/** Whether a Hono path pattern (`/:lang/:file`, `/v1/*`) matches `path`. */
function matches(pattern, path) {
  const source = pattern
    .split('/')
    .map((part) =>
      part === '*'
        ? '.*'
        : part.startsWith(':')
          ? '[^/]+'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`).test(path);
}

/** The registrations under `scope` that a request `verb path` reaches: `{ route, nodes }` each. */
function registered(scope, verb, path) {
  const found = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, ...rest] = node.arguments;
      const literal = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      const reached =
        verb === 'ON'
          ? method === 'on' && literal === path
          : method === 'use'
            ? literal === undefined || matches(literal, path)
            : (method === verb.toLowerCase() || method === 'all') &&
              literal !== undefined &&
              matches(literal, path);
      if (reached)
        found.push({
          route: method !== 'use',
          nodes: literal === undefined ? node.arguments : rest,
        });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/**
 * What an entry names in `program` under `root` (nodes to walk), or why it names nothing.
 *
 * @example
 * resolveEntry(program, root, 'apps/api/src/routes/feeds.ts#feedRoutes GET /de/rss.xml');
 */
export function resolveEntry(program, root, entry) {
  const [at, verb, path] = entry.split(' ');
  const [file, names] = at.split('#');
  const source = program.getSourceFile(join(root, file));
  if (!source) return { missing: `no ${file}` };
  let scope = source;
  for (const name of names ? names.split('.') : []) {
    const [next] = declaredIn(bodyOf(scope), name);
    if (!next) return { missing: `no ${name} in ${file}` };
    scope = next;
  }
  if (!verb) return { nodes: [scope] };
  const reached = registered(bodyOf(scope), verb, path);
  // Middleware alone is not the route: without a handler for it, the entry names nothing.
  return reached.some((r) => r.route)
    ? { nodes: reached.flatMap((r) => r.nodes) }
    : { missing: `no ${verb} ${path} under ${at}` };
}
