// The files an article crosses on its way from `POST /v1/articles` to its German RSS entry:
// the house's measure of how many rooms a newcomer walks through to follow one story. The story
// is the happy path: an article posted, its German translation made and published, the German
// RSS feed read by a feed reader.
//
// The walk starts at the code that handles this article at each step (ENTRIES), not at whole
// files: their other routes, their process's startup and their other messages are not on the
// article's way. An entry is `FILE#NAME[.NAME…]`, a declaration (a function, a class's method,
// a variable, or one declared inside those, as `startResultsConsumer.persist`), optionally
// followed by a request, `VERB PATH`: then only the registrations under NAME (or, without
// `#NAME`, at the top of FILE) that such a request reaches are entries, that is the arguments
// (middleware and handler) of every `x.use(…)` whose path, if it has one, matches PATH, and of
// every `x.verb(PATH pattern, …)` (Hono's `:param` and `*`); for `ON EVENT`, of every
// `x.on('EVENT', …)`. An entry that a tree lacks is reported and skipped. A callback that a
// process's main hands an entry (a function-typed dependency such as `deps.onPublished`, which
// the walk cannot see through) is an entry too, named where its code is (`Syndication.onChange`).
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
// its value runs (a function the entry calls, a class it constructs); an instance's methods
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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

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

/** Where each step of this article is handled (see the header for the form). */
const ENTRIES = [
  // Its POST (mounted at /v1/articles), and what the hall runs around every request.
  'apps/api/src/routes/articles.ts#articleRoutes POST /',
  'apps/api/src/middleware/compress-responses.ts#compressResponses',
  'apps/api/src/on-error.ts#errorHandler',
  // Its translation requests handed to the queue (the POST calls it too).
  'apps/api/src/dispatch/translation-dispatcher.ts#TranslationDispatcher.enqueue',
  // Its translate job in the worker, and the request the worker sends its engine.
  'apps/worker/src/translate-processor.ts#translateProcessor',
  'apps/worker/src/translation-engine.ts ON message',
  // Its results (started, then the translation) persisted by the API.
  'apps/api/src/dispatch/results-consumer.ts#startResultsConsumer.persist',
  // What main.ts hands those as callbacks (a function-typed dependency leads the walk nowhere):
  // the POST's onChange and the consumer's onPublished drop the feeds' cache, onResult counts.
  'apps/api/src/site/syndication.ts#Syndication.onChange',
  'apps/api/src/metrics/api-metrics.ts#ApiMetrics.observeResult',
  // Its German RSS feed (mounted at /feeds).
  'apps/api/src/routes/feeds.ts#feedRoutes GET /de/rss.xml',
];
/** Crossed by every request, counted, not followed. */
const HALLS = ['apps/api/src/app.ts'];
/**
 * What this one request fixes, so that a condition on it takes one branch: `call` a function
 * (FILE#NAME) whose every call returns `is`; `property` a property of that name declared in one
 * of the files (or folders) `in`; `type` a value of that type (alias) name.
 */
const FACTS = [
  {
    call: 'apps/api/src/routes/feeds.ts#opensAsPage',
    is: false,
    because: 'a feed reader asks for the feed; no browser opened its address',
  },
  { type: 'FeedFormat', is: 'rss', because: 'the feed asked for is rss.xml' },
  ...['categorySlug', 'category'].map((property) => ({
    property,
    in: ['apps/api/src/site/syndication.ts', 'packages/store/src/listing-repository.ts'],
    is: undefined,
    because: "the language's feed, not a category's",
  })),
  {
    property: 'before',
    in: ['apps/api/src/site/syndication.ts', 'packages/store/src/listing-repository.ts'],
    is: undefined,
    because: "the feed's first page",
  },
  {
    property: 'outcome',
    in: ['packages/queue/src/'],
    is: 'published',
    because: 'the translation is published',
  },
];

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
const halls = HALLS.filter(present);

/** Every source file of the project, so that every class is known to `implementing`. */
function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(path);
    return d.name.endsWith('.ts') && isSource(path) ? [path] : [];
  });
}
const rootNames = ['apps', 'packages'].flatMap((top) =>
  existsSync(join(root, top))
    ? readdirSync(join(root, top)).flatMap((name) => sources(join(root, top, name, 'src')))
    : [],
);
// A tree without its own node_modules (an old commit checked out to be measured) reads the
// libraries' types from this checkout's, so that a library's function type is known to run.
const host = ts.createCompilerHost(options);
const here = join(fileURLToPath(new URL('..', import.meta.url)), 'package.json');
host.resolveModuleNames = (names, containing) =>
  names.map(
    (name) =>
      ts.resolveModuleName(name, containing, options, host).resolvedModule ??
      ts.resolveModuleName(name, here, options, host).resolvedModule,
  );
const program = ts.createProgram({ rootNames, options, host });
const checker = program.getTypeChecker();

/** The declarations named `name` directly in `scope` (a file's top, a class, a function's body). */
function declaredIn(scope, name) {
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
const bodyOf = (node) =>
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

/** What an entry names in this tree (nodes to walk), or why it names nothing. */
function resolveEntry(entry) {
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
  return setup && !unknown && !runs(type);
}

/** Where each fact decided a condition: fact -> set of `file:line`. */
const factsUsed = new Map();
/** A fact's declaration test: whether `declaration` is `FILE#NAME`. */
const isNamed = (declaration, at) => {
  const [file, name] = at.split('#');
  return (
    declaration.name?.getText() === name && shown(declaration.getSourceFile().fileName) === file
  );
};
/** The value FACTS give `expression`, or undefined when they do not decide it. */
function factValue(expression) {
  const e = ts.skipPartiallyEmittedExpressions(ts.skipParentheses(expression));
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const value = factValue(e.operand);
    return value === undefined ? undefined : { ...value, is: !value.is };
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const equal = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken];
    const unequal = [
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
    ];
    if (!equal.includes(op) && !unequal.includes(op)) return undefined;
    for (const [side, other] of [
      [e.left, e.right],
      [e.right, e.left],
    ]) {
      const literal = literalOf(other);
      const value = literal === undefined ? undefined : factValue(side);
      if (value) return { ...value, is: (value.is === literal.value) === equal.includes(op) };
    }
    return undefined;
  }
  let symbol;
  if (ts.isCallExpression(e)) symbol = checker.getSymbolAtLocation(e.expression);
  if (ts.isPropertyAccessExpression(e)) symbol = checker.getSymbolAtLocation(e.name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  const alias =
    ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)
      ? checker.getTypeAtLocation(e).aliasSymbol?.name
      : undefined;
  const fact = FACTS.find((f) =>
    f.call
      ? ts.isCallExpression(e) && declarations.some((d) => isNamed(d, f.call))
      : f.property
        ? ts.isPropertyAccessExpression(e) &&
          e.name.text === f.property &&
          declarations.some((d) =>
            f.in.some((at) => shown(d.getSourceFile().fileName).startsWith(at)),
          )
        : alias === f.type,
  );
  return fact ? { fact, is: fact.is } : undefined;
}
/** A literal's value (`'rss'`, `3`, `true`), as `{ value }`. */
function literalOf(node) {
  const e = ts.skipParentheses(node);
  if (ts.isStringLiteralLike(e)) return { value: e.text };
  if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (ts.isIdentifier(e) && e.text === 'undefined') return { value: undefined };
  return undefined;
}
/** Notes that `value`'s fact decided the condition at `node`. */
function used(value, node) {
  const at = factsUsed.get(value.fact) ?? new Set();
  at.add(where(node));
  factsUsed.set(value.fact, at);
}

/**
 * The parts of `node` that run, FACTS applied: a condition they decide keeps its test and the
 * branch taken; otherwise every child.
 */
function runningChildren(node) {
  if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) {
    const test = ts.isIfStatement(node) ? node.expression : node.condition;
    const value = factValue(test);
    if (!value) return undefined;
    used(value, test);
    const taken = ts.isIfStatement(node)
      ? value.is
        ? node.thenStatement
        : node.elseStatement
      : value.is
        ? node.whenTrue
        : node.whenFalse;
    return [test, taken].filter(Boolean);
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op !== ts.SyntaxKind.AmpersandAmpersandToken && op !== ts.SyntaxKind.BarBarToken)
      return undefined;
    const value = factValue(node.left);
    if (!value) return undefined;
    used(value, node.left);
    const goesOn = op === ts.SyntaxKind.AmpersandAmpersandToken ? value.is : !value.is;
    return goesOn ? [node.left, node.right] : [node.left];
  }
  if (ts.isSwitchStatement(node)) {
    const value = factValue(node.expression);
    if (!value) return undefined;
    used(value, node.expression);
    const clauses = node.caseBlock.clauses;
    let from = clauses.findIndex(
      (c) => ts.isCaseClause(c) && literalOf(c.expression)?.value === value.is,
    );
    if (from === -1) from = clauses.findIndex((c) => ts.isDefaultClause(c));
    const taken = [];
    // From the case taken on, through the empty cases it falls into.
    for (let i = from; i !== -1 && i < clauses.length; i++) {
      taken.push(...clauses[i].statements);
      if (clauses[i].statements.length > 0) break;
    }
    return [node.expression, ...taken];
  }
  return undefined;
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

/** Each entry's nodes, with the entry that names them (for `--why`). */
const entryOf = new Map();
for (const entry of ENTRIES) {
  const { nodes, missing } = resolveEntry(entry);
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
