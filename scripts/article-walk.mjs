// The files an article crosses on its way from `POST /v1/articles` to its German RSS entry:
// the house's measure of how many rooms a newcomer walks through to follow one story.
//
// The walk starts at the code that handles the article at each step (the POST route, the
// outbox dispatcher, the worker's processor and its translation child, the results consumer,
// the feed route) and follows every import that runs: a named import leads to the file that
// declares the name (through a package's index, not to the whole index), a namespace, default or
// dynamic import to the module, and a method called on an object leads to its class's file
// (`store.createArticle(…)` to the store). Type-only imports are not followed (they run nothing), nor are
// tests. `app.ts` is counted once as the hall every request crosses, not followed into every route.
//
// Usage: node scripts/article-walk.mjs [ROOT]   (prints the files by package, then the count)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? '.');

/** Where each step of the article's path is handled. */
const ENTRIES = [
  'apps/api/src/routes/articles.ts',
  'apps/api/src/middleware/compress-responses.ts',
  'apps/api/src/on-error.ts',
  'apps/api/src/dispatch/translation-dispatcher.ts',
  'apps/worker/src/translate-processor.ts',
  'apps/worker/src/translation-engine.ts',
  'apps/api/src/dispatch/results-consumer.ts',
  'apps/api/src/routes/feeds.ts',
];
/** Crossed by every request, counted, not followed. */
const HALLS = ['apps/api/src/app.ts'];

const isSource = (file) =>
  /\/(apps|packages)\/[^/]+\/src\//.test(file.split(sep).join('/')) &&
  !/\.(test|fixture)\.ts$|\/testing\//.test(file) &&
  !file.endsWith('.d.ts');

/** `@tidings/<name>[/sub]` -> the workspace file its package.json exports. */
function workspacePaths() {
  const paths = {};
  for (const top of ['apps', 'packages']) {
    for (const dir of readdirSync(join(root, top), { withFileTypes: true })) {
      const file = join(root, top, dir.name, 'package.json');
      if (!dir.isDirectory() || !existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
        const to = typeof target === 'string' ? target : (target.default ?? target.types);
        paths[`${pkg.name}${entry === '.' ? '' : entry.slice(1)}`] = [join(top, dir.name, to)];
      }
    }
  }
  return paths;
}

const options = {
  allowJs: false,
  allowImportingTsExtensions: true,
  noEmit: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  baseUrl: root,
  paths: workspacePaths(),
  types: [],
  skipLibCheck: true,
};
const present = (file) => {
  if (existsSync(join(root, file))) return true;
  console.log(`(no ${file} in this tree: skipped)`);
  return false;
};
const entries = ENTRIES.filter(present);
const halls = HALLS.filter(present);
const rootNames = [...entries, ...halls].map((file) => join(root, file));
const program = ts.createProgram({ rootNames, options });
const checker = program.getTypeChecker();

const TYPE_ONLY = new Set([
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.ModuleDeclaration,
]);

/** What of a declaration runs when it is used: a class's construction, not all its methods. */
function runningParts(declaration) {
  if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) {
    return [
      ...(declaration.heritageClauses ?? []),
      ...declaration.members.filter(
        (m) => ts.isConstructorDeclaration(m) || (ts.isPropertyDeclaration(m) && m.initializer),
      ),
    ];
  }
  return [declaration];
}

/** Every class of the sources, for the interfaces they satisfy (declared or not). */
const classes = [];
for (const source of program.getSourceFiles()) {
  if (!isSource(resolve(source.fileName))) continue;
  const visit = (node) => {
    if (ts.isClassDeclaration(node) && node.name) classes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/**
 * A member of an interface (`translator.translateArticles` where `translator` is an
 * `ArticlesTranslator`) leads to the same member of every class whose instances are one.
 */
function implementing(signature) {
  const owner = signature.parent;
  if (!ts.isInterfaceDeclaration(owner) || !signature.name) return [];
  const wanted = checker.getTypeAtLocation(owner);
  const name = signature.name.getText();
  return classes.flatMap((cls) => {
    const member = cls.members.find((m) => m.name?.getText() === name);
    if (!member) return [];
    const instance = checker.getTypeAtLocation(cls);
    return checker.isTypeAssignableTo(instance, wanted) ? [member] : [];
  });
}

/** The declarations the code under `node` uses (each name's own declaration, through aliases). */
function usedDeclarations(node) {
  const found = [];
  const visit = (child) => {
    if (ts.isImportDeclaration(child) || ts.isExportDeclaration(child)) return;
    if (ts.isTypeNode(child) && !ts.isExpressionWithTypeArguments(child)) return;
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) {
      let symbol = checker.getSymbolAtLocation(child);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) {
        if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration))
          found.push(...implementing(declaration));
        if (TYPE_ONLY.has(declaration.kind) || declaration === child.parent) continue;
        if (isSource(resolve(declaration.getSourceFile().fileName))) found.push(declaration);
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

const walked = new Set(halls.map((file) => join(root, file)));
const seen = new Set();
const queue = entries.map((file) => program.getSourceFile(join(root, file)));
while (queue.length > 0) {
  const node = queue.shift();
  if (seen.has(node)) continue;
  seen.add(node);
  walked.add(resolve(node.getSourceFile().fileName));
  for (const declaration of usedDeclarations(node)) queue.push(...runningParts(declaration));
}

const byPackage = new Map();
for (const file of [...walked].map((f) => relative(root, f).split(sep).join('/')).sort()) {
  const home = file.split('/').slice(0, 2).join('/');
  byPackage.set(home, [...(byPackage.get(home) ?? []), file.split('/').slice(3).join('/')]);
}
for (const [home, files] of byPackage)
  console.log(`${home} (${files.length}): ${files.join(', ')}`);
console.log(`${walked.size} files`);
