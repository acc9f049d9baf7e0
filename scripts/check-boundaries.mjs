// The house rules that Biome and madge cannot check, run by `npm run lint`:
//  1. A module imports another workspace package only through an entry its package.json
//     exports (`@tidings/store`, `@tidings/store/testing`), never through its files: a relative
//     import may not leave the package it starts in.
//  2. SQL lives in packages/store: a string that reads as SQL anywhere else is an error.
// Usage: node scripts/check-boundaries.mjs [ROOT]   (exit 1 and one line per fault when broken)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? '.');
const SOURCE = /\.(ts|mts|js|mjs)$/;
const SKIP = new Set(['node_modules', '.turbo', '.cache', 'dist', 'data', 'models', 'results']);
/** Where SQL may be written; every other file is checked. */
const SQL_HOME = `packages${sep}store${sep}`;
/** Statements as this codebase writes them: upper-case keywords, then what they act on. */
const SQL = [
  /\bSELECT\s+(DISTINCT\s+)?[\w*"(][\s\S]*?\bFROM\s+[\w"(]/,
  /\bSELECT\s+(\d+|pg_\w+\(|now\(\)|count\()/,
  /\bINSERT\s+INTO\s+\w/,
  /\bUPDATE\s+\w+(\s+\w+)?\s+SET\s/,
  /\bDELETE\s+FROM\s+\w/,
  /\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|SCHEMA|VIEW|EXTENSION)\b/,
  /\b(TRUNCATE|ANALYZE|VACUUM)\b(\s+\w+)?\s*;?\s*$/,
];

/** Workspace packages: directory (relative to root) -> { name, exports }. */
function workspaces() {
  const found = new Map();
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const pattern of rootPackage.workspaces ?? []) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern];
    for (const dir of dirs) {
      const file = join(root, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      const exports =
        typeof pkg.exports === 'object' && pkg.exports ? Object.keys(pkg.exports) : [];
      found.set(dir.split('/').join(sep), { name: pkg.name, exports });
    }
  }
  return found;
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const packages = workspaces();
const byName = new Map([...packages].map(([dir, pkg]) => [pkg.name, { dir, ...pkg }]));
const packageOf = (file) => {
  const rel = relative(root, file);
  return [...packages.keys()].find((dir) => rel.startsWith(`${dir}${sep}`));
};

const faults = [];
for (const top of ['apps', 'packages', 'test', 'bench', 'scripts']) {
  if (!existsSync(join(root, top)) || !statSync(join(root, top)).isDirectory()) continue;
  for (const file of sourceFiles(join(root, top))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(root, file);
    const home = packageOf(file);
    const at = (node) =>
      `${rel}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

    const checkImport = (node, specifier) => {
      if (specifier.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), specifier));
        const targetHome = [...packages.keys()].find(
          (dir) => target === dir || target.startsWith(`${dir}${sep}`),
        );
        if (home !== targetHome) {
          const via = targetHome ? packages.get(targetHome)?.name : 'a file outside any package';
          faults.push(
            `${at(node)}: imports ${specifier}, a file of ${via}; import it through its package's index`,
          );
        }
        return;
      }
      const match = /^(@tidings\/[^/]+)(\/.*)?$/.exec(specifier);
      if (!match) return;
      const [, name, sub] = match;
      const pkg = byName.get(name);
      if (!pkg) {
        faults.push(`${at(node)}: imports ${specifier}, but no workspace package is ${name}`);
        return;
      }
      const entry = sub ? `.${sub}` : '.';
      if (pkg.exports.length > 0 && !pkg.exports.includes(entry)) {
        faults.push(
          `${at(node)}: imports ${specifier}, which ${name} does not export (it exports ${pkg.exports.join(', ')})`,
        );
      }
    };

    const checkText = (node, value) => {
      if (rel.startsWith(SQL_HOME)) return;
      if (SQL.some((pattern) => pattern.test(value))) {
        const line = value.trim().split('\n')[0]?.slice(0, 60);
        faults.push(`${at(node)}: SQL outside packages/store ("${line}"); add a store method`);
      }
    };

    const visit = (node) => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        checkImport(node, node.moduleSpecifier.text);
        return;
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        checkImport(node, node.arguments[0].text);
      }
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        checkText(node, node.text);
      } else if (ts.isTemplateExpression(node)) {
        checkText(
          node,
          [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '),
        );
        for (const span of node.templateSpans) visit(span.expression);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

if (faults.length > 0) {
  for (const fault of faults) process.stderr.write(`${fault}\n`);
  process.stderr.write(`check-boundaries: ${faults.length} fault(s)\n`);
  process.exit(1);
}
