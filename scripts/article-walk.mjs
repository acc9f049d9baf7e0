// The files an article crosses on its way from `POST /v1/articles` to its German RSS entry:
// the house's measure of how many rooms a newcomer walks through to follow one story. The story
// is the happy path: an article posted, its German translation made and published, the German
// RSS feed read by a feed reader.
//
// The walk starts at the code that handles this article at each step (ENTRIES, in
// scripts/article-walk/entries.mjs with HALLS and FACTS), not at whole files: their other
// routes, their process's startup and their other messages are not on the article's way. An entry is `FILE#NAME[.NAME…]`, a declaration (a function, a class's method,
// a variable, or one declared inside those, as `startResultsConsumer.persist`), optionally
// followed by a request, `VERB PATH`: then only the registrations under NAME (or, without
// `#NAME`, at the top of FILE) that such a request reaches are entries, that is the arguments
// (middleware and handler) of every `x.use(…)` whose path, if it has one, matches PATH, and of
// every `x.verb(PATH pattern, …)` (Hono's `:param` and `*`); for `ON EVENT`, of every
// `x.on('EVENT', …)`. An entry that a tree lacks is reported and skipped. A callback that a
// process's main hands an entry (a function-typed dependency such as `deps.onPublished`, which
// the walk cannot see through) is an entry too, named where its code is (`Syndication.onChange`),
// and so is what it wraps an entry in (the worker's `HeldJobs.holding`).
//
// From there the walk follows every use that runs: a named import leads to the declaration
// (through a package's index, not to the whole index), a namespace, default or dynamic import
// to the module, and a method called on an object leads to its class's method
// (`store.createArticle(…)` to the store). Type-only uses are not followed (they run nothing),
// nor are tests. `app.ts` is counted once as the hall every request crosses, not followed into
// every route. A method of one of the project's interfaces leads to that method of every class
// of the project (every source file, not only those imported from the entries) that satisfies it
// (a library's interface, such as `Error`, leads nowhere: every error class satisfies it); a
// property read leads only to code that runs when read (a getter, a function, a class), not to
// the object literal or schema that declared the property's type.
//
// What was made before the article came is not walked again: a variable declared at the top of
// an entry's file or in a declaration that encloses an entry (the process's or the router's
// setup: `config`, `connection`, `translator` in the engine) leads to its initializer only when
// its value runs (a function the entry calls, a class it constructs) or is a table of such
// written there (an object or array literal whose properties or index signature hold functions
// or classes, as `compressors`, called as `compressors[encoding](body)`); an instance's methods
// that the entry calls are followed through its type, as always.
//
// Inside the code walked every branch is followed (an error path, a retry, a `catch`), except
// where FACTS, what this one request fixes, decide a condition: an `if`, `?:`, `&&`/`||` or
// `switch` whose test is such a fact (a call of a named function, a property of a message, a
// value of a type; negated or compared with a literal) follows only the branch taken. The walk
// prints each fact it used and where.
//
// Usage: node scripts/article-walk.mjs [ROOT]   (prints the files by package, then the count)
//        node scripts/article-walk.mjs [ROOT] --why FILE   (how the walk first reached FILE: the chain
//        of uses from an entry, each a name used at file:line and the declaration it leads to)
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { ENTRIES, FACTS, HALLS } from './article-walk/entries.mjs';
import { factLogic } from './article-walk/facts.mjs';
import { isSource, loadProgram } from './article-walk/program.mjs';
import { resolveEntry } from './article-walk/resolve-entry.mjs';

const args = process.argv.slice(2);
const whyAt = args.indexOf('--why');
const why = whyAt === -1 ? undefined : args.splice(whyAt, 2)[1];
if (whyAt !== -1 && !why) {
  console.error(
    '--why needs a FILE (a path from the root, as the walk prints it under its package)',
  );
  process.exit(2);
}
const root = resolve(args[0] ?? '.');

const present = (file) => {
  if (existsSync(join(root, file))) return true;
  console.log(`(no ${file} in this tree: skipped)`);
  return false;
};
const halls = HALLS.filter(present);
const { program, checker } = loadProgram(root);

/** Declarations that only declare types: using them runs nothing. */
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
 * `ArticlesTranslator`) leads to the same member of every class whose instances are one. Only
 * the project's own interfaces: a library's (`Error.name`, Node's `ErrnoException.code`) is
 * satisfied by every error class of the house, and reading `error.name` runs none of them. And
 * only a member that runs when used so: reading a property that is data (`options.prefix`)
 * runs no class's code, a getter does, a property whose type is a function is called, and one
 * whose type is a class is constructed.
 */
function implementing(signature) {
  const owner = signature.parent;
  if (!ts.isInterfaceDeclaration(owner) || !signature.name) return [];
  if (!isSource(resolve(owner.getSourceFile().fileName))) return [];
  const called = ts.isMethodSignature(signature) || runs(checker.getTypeAtLocation(signature));
  const wanted = checker.getTypeAtLocation(owner);
  const name = signature.name.getText();
  return classes.flatMap((cls) => {
    const member = cls.members.find((m) => m.name?.getText() === name);
    if (!member || !(called || ts.isGetAccessorDeclaration(member))) return [];
    const instance = checker.getTypeAtLocation(cls);
    return checker.isTypeAssignableTo(instance, wanted) ? [member] : [];
  });
}

/**
 * Whether `use` only reads a property that an object literal declares (`reason.code`, where
 * the reason's type was inferred from a schema's `{ code: z.literal(…) }`) as a value that is
 * not a function: the read runs nothing of the literal, whose own code is walked where the
 * object is made, if that is on the way. A property that holds a function or a class is
 * followed.
 */
function readsData(use, declaration) {
  if (!ts.isPropertyAssignment(declaration) && !ts.isShorthandPropertyAssignment(declaration))
    return false;
  const access = use.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name !== use) return false;
  return !runs(checker.getTypeAtLocation(access));
}

/**
 * Whether a value of `type` runs code when used: a function is called, and a class (a type
 * with construct signatures, as in `new deps.Engine()`) is constructed.
 */
function runs(type) {
  const value = type.getNonNullableType();
  return value.getCallSignatures().length + value.getConstructSignatures().length > 0;
}

/** The function (or file) whose code declares `node`. */
function containerOf(node) {
  let at = node.parent;
  while (at && !ts.isSourceFile(at) && !ts.isFunctionLike(at)) at = at.parent;
  return at;
}

/**
 * Whether `declaration` is a variable the entries' setup made before the article came (at the
 * top of an entry's file or in a declaration enclosing an entry) whose value does not run: the
 * code that made it ran at startup. Its methods the entry calls are reached through its type.
 */
function madeBefore(declaration) {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  const container = containerOf(declaration);
  const setup = [...entryOf.keys()].some((entry) => {
    if (entry.pos <= declaration.pos && declaration.end <= entry.end) return false;
    for (let at = entry.parent; at; at = at.parent) if (at === container) return true;
    return false;
  });
  // A value whose type is not known (a library that did not resolve) may run: it is followed.
  const type = checker.getTypeAtLocation(declaration.name);
  const unknown = type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown);
  // A table of functions or classes written here (`compressors`, whose `compressors[encoding]`
  // the entry calls) holds code that runs: its initializer is followed.
  const table = isTable(declaration.initializer) && holdsRunning(type);
  return setup && !unknown && !runs(type) && !table;
}

/** Whether `node` is an object or array literal (through parentheses, `as` and `satisfies`). */
function isTable(node) {
  let e = ts.skipParentheses(node);
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = ts.skipParentheses(e.expression);
  return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e);
}

/**
 * Whether a value of `type` holds code that runs when used: one of its properties, or its index
 * signature (a `Record<…, fn>`, an array of functions), is a function or a class.
 */
function holdsRunning(type) {
  const value = type.getNonNullableType();
  return [
    ...checker.getPropertiesOfType(value).map((p) => checker.getTypeOfSymbol(p)),
    ...checker.getIndexInfosOfType(value).map((info) => info.type),
  ].some(runs);
}

/**
 * The declarations the code under `node` uses (each name's own declaration, through aliases),
 * each as `{ use, declaration, through }`: the identifier that uses it, and for a class's member
 * reached through an interface, the interface's member.
 */
function usedDeclarations(node) {
  const found = [];
  const visit = (child) => {
    if (ts.isImportDeclaration(child) || ts.isExportDeclaration(child)) return;
    if (ts.isTypeNode(child) && !ts.isExpressionWithTypeArguments(child)) return;
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) {
      let symbol = checker.getSymbolAtLocation(child);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) {
        if (declaration === child.parent) continue; // a name where it is declared uses nothing
        if (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration))
          for (const member of implementing(declaration))
            found.push({ use: child, declaration: member, through: declaration });
        if (TYPE_ONLY.has(declaration.kind) || readsData(child, declaration)) continue;
        if (madeBefore(declaration)) continue;
        if (isSource(resolve(declaration.getSourceFile().fileName)))
          found.push({ use: child, declaration });
      }
    }
    const decided = runningChildren(child);
    if (decided) for (const part of decided) visit(part);
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

const shown = (file) => relative(root, resolve(file)).split(sep).join('/');
/** `path:line` of a node. */
function where(node) {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${shown(source.fileName)}:${line + 1}`;
}

const { runningChildren, factsUsed } = factLogic({ checker, shown, where });

/** Each entry's nodes, with the entry that names them (for `--why`). */
const entryOf = new Map();
for (const entry of ENTRIES) {
  const { nodes, missing } = resolveEntry(program, root, entry);
  if (missing) console.log(`(entry ${entry}: ${missing} in this tree: skipped)`);
  for (const node of nodes ?? []) if (!entryOf.has(node)) entryOf.set(node, entry);
}

const walked = new Set(halls.map((file) => join(root, file)));
const seen = new Set();
/** For each node queued, the first step that queued it: `{ from, use, declaration, through }`. */
const cameFrom = new Map();
/** The first node walked in each file, for `--why`. */
const firstIn = new Map();
const queue = [...entryOf.keys()];
while (queue.length > 0) {
  const node = queue.shift();
  if (seen.has(node)) continue;
  seen.add(node);
  const file = resolve(node.getSourceFile().fileName);
  walked.add(file);
  if (!firstIn.has(file)) firstIn.set(file, node);
  for (const step of usedDeclarations(node)) {
    for (const part of runningParts(step.declaration)) {
      if (!seen.has(part) && !cameFrom.has(part)) cameFrom.set(part, { from: node, ...step });
      queue.push(part);
    }
  }
}

/** A declaration in words: its kind and name (`class Store`, `method createArticle`). */
function named(node) {
  if (ts.isSourceFile(node)) return 'the module';
  if (ts.isHeritageClause(node)) return `\`${node.getText().slice(0, 60)}\``;
  const kind = ts.SyntaxKind[node.kind]
    .replace(/Declaration$/, '')
    .replace(/(?<=.)([A-Z])/g, ' $1')
    .toLowerCase();
  const owner = node.parent?.name?.getText();
  if (ts.isConstructorDeclaration(node)) return `constructor of ${owner}`;
  const name = node.name?.getText() ?? '(anonymous)';
  return `${kind} ${owner && !ts.isSourceFile(node.parent) ? `${owner}.` : ''}${name}`;
}

if (why) {
  const file = resolve(root, why);
  const node = firstIn.get(file);
  if (!node) {
    console.log(
      walked.has(file) ? `${why} is a hall: counted, not walked` : `${why} is not on the walk`,
    );
    process.exit(walked.has(file) ? 0 : 1);
  }
  const chain = [];
  for (let at = node; cameFrom.has(at); at = cameFrom.get(at).from) chain.unshift(at);
  const start = chain.length > 0 ? cameFrom.get(chain[0]).from : node;
  console.log(`${entryOf.get(start)} (an entry, at ${where(start)})`);
  for (const at of chain) {
    const step = cameFrom.get(at);
    const through = step.through
      ? ` (through ${named(step.through)} at ${where(step.through)}, which the class satisfies)`
      : '';
    console.log(
      `  uses \`${step.use.getText()}\` at ${where(step.use)}${through}\n    -> ${named(at)} at ${where(at)}`,
    );
  }
  process.exit(0);
}

for (const fact of FACTS) {
  const at = factsUsed.get(fact);
  const what = fact.call ? `${fact.call}(…)` : fact.property ? `.${fact.property}` : fact.type;
  console.log(
    at
      ? `(fact: ${what} is ${String(JSON.stringify(fact.is))}, ${fact.because}: decided ${[...at].join(', ')})`
      : `(fact: ${what} decided nothing in this tree)`,
  );
}
const byPackage = new Map();
for (const file of [...walked].map((f) => relative(root, f).split(sep).join('/')).sort()) {
  const home = file.split('/').slice(0, 2).join('/');
  byPackage.set(home, [...(byPackage.get(home) ?? []), file.split('/').slice(3).join('/')]);
}
for (const [home, files] of byPackage)
  console.log(`${home} (${files.length}): ${files.join(', ')}`);
console.log(`${walked.size} files`);
