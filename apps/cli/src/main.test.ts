import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/tidings.mjs', import.meta.url));

/** Runs the real `tidings` command, as a user would, and collects what it printed. */
function tidings(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on. */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

// Each case starts real processes; on a busy machine tsx alone takes seconds.
describe('the tidings command line', { timeout: 60_000 }, () => {
  it('shows its help and exits 0', async () => {
    const run = await tidings(['post', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: tidings post [options] <file>');
    expect(run.stdout).toContain('--no-wait');
  });

  it('offers the languages served (LANGUAGES) as choices, no other', async () => {
    const env = { LANGUAGES: 'uk,en' };
    const help = await tidings(['show', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('(choices: "en", "uk")');
    const german = await tidings(['show', 'a1', 'de'], env);
    expect(german.code).toBe(2);
    expect(german.stderr).toContain('Allowed choices are en, uk.');
    const listed = await tidings(['list', '--language', 'de'], env);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('Allowed choices are en, uk.');
  });

  it('shows the help, and exits 2, when no command is given', async () => {
    const run = await tidings([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: tidings [options] [command]');
  });

  it('exits 2 with one readable line on a usage error', async () => {
    const missing = await tidings(['post']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe("tidings: missing required argument 'file'");

    const badChoice = await tidings(['keys', 'create', '--role', 'owner', '--name', 'x']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain("option '--role <role>' argument 'owner' is invalid");

    const badDirection = await tidings(['models', 'pull', 'en-ru']);
    expect(badDirection.code).toBe(2);
    expect(badDirection.stderr).toContain('"en-ru" is not a direction');
  });

  it('exits 1 and says where it looked when the API does not answer', async () => {
    const port = await deadPort();
    const run = await tidings(['status', 'x'], { TIDINGS_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      `tidings: cannot reach the Tidings API at http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('stops with one line naming a bad variable', async () => {
    const bad = await tidings(['status', 'x'], { TIDINGS_URL: 'ftp://example.org' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(
      /^tidings: Invalid configuration: TIDINGS_URL="ftp:\/\/example.org" is not /,
    );

    const core = await tidings(['status', 'x'], { PORT: 'abc' });
    expect(core.code).toBe(1);
    expect(core.stderr.trim()).toBe(
      'tidings: Invalid configuration: PORT="abc" is not an integer from 1 to 65535',
    );
  });

  it('says only that a --from directory does not exist, and what to pass', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'tidings-cli-from-'));
    try {
      const nowhere = join(scratch, 'nonexistent-dir');
      const run = await tidings(['models', 'pull', '--from', nowhere], {
        MODELS_DIR: join(scratch, 'models'),
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `tidings: --from ${nowhere}: no such directory; pass the directory that holds the models, DIR/<model id>/config.json, onnx/… (another machine's MODELS_DIR will do)\n`,
      );
      writeFileSync(join(scratch, 'a-file'), '');
      const file = await tidings(['models', 'pull', '--from', join(scratch, 'a-file')], {
        MODELS_DIR: join(scratch, 'models'),
      });
      expect(file.stderr).toMatch(
        /^tidings: --from .*a-file: not a directory; pass the directory /,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
