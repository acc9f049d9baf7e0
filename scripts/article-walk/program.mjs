// The article walk's TypeScript program: every source file of the project's apps and packages
// under a root, with the workspace packages resolved to their exported files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Whether `file` is a project source file (not a test, a fixture, a testing helper or types). */
export const isSource = (file) =>
  /\/(apps|packages)\/[^/]+\/src\//.test(file.split(sep).join('/')) &&
  !/\.(test|fixture)\.ts$|\/testing\//.test(file) &&
  !file.endsWith('.d.ts');

/** `@tidings/<name>[/sub]` -> the workspace file its package.json exports, under `root`. */
function workspacePaths(root) {
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

/** Every source file of the project, so that every class is known to `implementing`. */
function sources(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sources(path);
    return d.name.endsWith('.ts') && isSource(path) ? [path] : [];
  });
}

/**
 * The program of every source file under `root`, and its type checker.
 *
 * @example
 * const { program, checker } = loadProgram('/work/main');
 */
export function loadProgram(root) {
  const options = {
    allowJs: false,
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    baseUrl: root,
    paths: workspacePaths(root),
    types: [],
    skipLibCheck: true,
  };
  const rootNames = ['apps', 'packages'].flatMap((top) =>
    existsSync(join(root, top))
      ? readdirSync(join(root, top)).flatMap((name) => sources(join(root, top, name, 'src')))
      : [],
  );
  // A tree without its own node_modules (an old commit checked out to be measured) reads the
  // libraries' types from this checkout's, so that a library's function type is known to run.
  const host = ts.createCompilerHost(options);
  const here = join(fileURLToPath(new URL('../..', import.meta.url)), 'package.json');
  host.resolveModuleNames = (names, containing) =>
    names.map(
      (name) =>
        ts.resolveModuleName(name, containing, options, host).resolvedModule ??
        ts.resolveModuleName(name, here, options, host).resolvedModule,
    );
  const program = ts.createProgram({ rootNames, options, host });
  const checker = program.getTypeChecker();
  return { program, checker };
}
