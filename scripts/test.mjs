// `npm test`: installs what is missing, finds Redis (or runs a throwaway private one), builds
// the test models, then runs every package's tests. Plain Node: it runs before installing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (message) => process.stdout.write(`tidings test: ${message}\n`);

ensureDependencies(root, say);

const { tsImport } = await import('tsx/esm/api');
const { loadConfigOrExit } = await tsImport('@tidings/core', import.meta.url);
const { ensureRedis } = await import('./lib/redis.mjs');
const { ensureChromium } = await import('./lib/chromium.mjs');

const config = loadConfigOrExit(process.env, 'tidings test');
const scratch = mkdtempSync(join(tmpdir(), 'tidings-test-'));
const redis = await ensureRedis({
  redisUrl: config.redisUrl,
  privatePort: config.redisPrivatePort + 1,
  dataDir: scratch,
  say,
  persistent: false,
});

// Vitest's summary line of each package ("Tests  12 passed | 1 failed (13)"), added up.
const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const count = (text) => {
  for (const line of text.replace(ANSI_COLOUR, '').split('\n')) {
    // "Errors  1 error": an error outside any test (an unhandled rejection), which fails the run.
    const errors = /^\s*Errors\s+(\d+) errors?\s*$/.exec(line.replace(/^\S+:test: ?/, ''));
    if (errors) totals.errors += Number(errors[1]);
    const summary = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (!summary) continue;
    for (const [, n, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped)/g))
      totals[kind] += Number(n);
  }
};

// Each package's lines as turbo prefixes them ("@tidings/queue:test: …"), so that a package
// whose suite failed can be shown again at the end: with two suites interleaved over forty
// minutes, its errors are otherwise far from the last lines that a CI page shows.
const byPackage = new Map();
const keep = (text) => {
  for (const line of text.replace(ANSI_COLOUR, '').split('\n')) {
    const prefixed = /^(@[\w-]+\/[\w-]+):test: ?(.*)$/.exec(line);
    if (!prefixed) continue;
    const lines = byPackage.get(prefixed[1]) ?? [];
    lines.push(prefixed[2]);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
    byPackage.set(prefixed[1], lines);
  }
};
const failedPackages = new Set();
const noteFailures = (text) => {
  for (const [, name] of text.replace(ANSI_COLOUR, '').matchAll(/(@[\w-]+\/[\w-]+)#test: +ERROR/g))
    failedPackages.add(name);
};

/** What a failed package's suite said last: from vitest's first error section, at most 60 lines. */
const failureDigest = (name) => {
  const lines = byPackage.get(name) ?? [];
  const first = lines.findIndex((line) => /⎯⎯ (Failed|Unhandled)|^ ?FAIL /.test(line));
  const from = first >= 0 ? first : Math.max(0, lines.length - 40);
  const shown = lines.slice(from, from + 60);
  return shown.map((line) => `  ${name}: ${line}`).join('\n');
};

const run = (args) =>
  new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), {
      cwd: root,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, REDIS_URL: redis.url, TURBO_TELEMETRY_DISABLED: '1' },
    });
    // Both streams are read line by line (turbo says which task failed on stderr).
    const follow = (stream, out, onLines) => {
      let pending = '';
      stream.setEncoding('utf8'); // a character split between two chunks stays whole
      stream.on('data', (chunk) => {
        out.write(chunk);
        pending += chunk;
        const end = pending.lastIndexOf('\n');
        if (end >= 0) {
          onLines(pending.slice(0, end));
          pending = pending.slice(end + 1);
        }
      });
      return () => onLines(pending);
    };
    const readLines = (text) => {
      count(text);
      keep(text);
      noteFailures(text);
    };
    const flushOut = follow(child.stdout, process.stdout, readLines);
    const flushErr = follow(child.stderr, process.stderr, readLines);
    child.once('close', (code, signal) => {
      flushOut();
      flushErr();
      resolve(code ?? (signal ? 1 : 0));
    });
  });

ensureChromium(say);

// The test models are built once, with a progress line per model, before the suites that load
// them (cached: later runs only check the generator's hash).
say('building the test models (cached after the first run)…');
let code = await run([process.execPath, '--import', 'tsx', 'test/models/src/cli.ts']);
if (code === 0) {
  const extra = process.argv.slice(2);
  code = await run([
    'npx',
    'turbo',
    'run',
    'test',
    '--concurrency=2',
    '--output-logs=full',
    // Every package's suite runs even when an earlier one failed, so one CI run shows them all.
    '--continue',
    ...extra,
  ]);
}

for (const name of failedPackages)
  process.stdout.write(`\n${name} failed; what its suite said of it:\n${failureDigest(name)}\n`);
if (totals.errors > 0)
  process.stdout.write(`\nerrors outside any test (each fails its package): ${totals.errors}\n`);
process.stdout.write(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
if (code === 0 && totals.passed === 0) {
  say('no test ran: that is a failure, not a pass.');
  code = 1;
}
redis.child?.kill('SIGTERM');
rmSync(scratch, { recursive: true, force: true });
process.exit(code);
