// Finds Redis at REDIS_URL, or runs a private redis-server, or says how to install one.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Resolves true when something at host:port answers a Redis PING within `timeoutMs`. */
export function pingRedis(url, timeoutMs = 1000) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    // +PONG, or -NOAUTH from a server with a password: either way a Redis answers.
    socket.once('data', (data) => done(/^[+-]/.test(data.toString())));
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function offerInstall(say) {
  const isRoot = process.getuid?.() === 0;
  const debian = existsSync('/etc/debian_version');
  const line = 'apt-get update && apt-get install -y redis-server';
  say('redis-server is not installed, and nothing answers at REDIS_URL.');
  if (debian && isRoot && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Install it now with "${line}"? [y/N] `);
    rl.close();
    if (/^y(es)?$/i.test(answer.trim())) {
      execFileSync('sh', ['-c', line], { stdio: 'inherit' });
      return true;
    }
  }
  if (debian) say(`Install it with:  ${isRoot ? '' : 'sudo '}${line}`);
  else
    say(
      'Install Redis (https://redis.io/docs/latest/operate/oss_and_stack/install/), or set REDIS_URL to a running one.',
    );
  return false;
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await pingRedis(url, 500)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Returns `{ url, child }`: the Redis to use, and the private redis-server process when one
 * was started (the caller stops it). Exits with a message when there is no way to a Redis.
 */
export async function ensureRedis({ redisUrl, privatePort, dataDir, say, persistent = true }) {
  if (await pingRedis(redisUrl)) return { url: redisUrl, child: undefined };
  const { hostname } = new URL(redisUrl);
  if (!LOCAL_HOSTS.has(hostname)) {
    say(`Nothing answers at REDIS_URL=${redisUrl}. Start that Redis, or unset REDIS_URL.`);
    process.exit(1);
  }
  const url = `redis://127.0.0.1:${privatePort}`;
  if (await pingRedis(url)) {
    say(`Using the private Redis already running at ${url}.`);
    return { url, child: undefined };
  }
  if (!hasCommand('redis-server') && !(await offerInstall(say))) process.exit(1);
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const args = [
    '--port',
    String(privatePort),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
    '--logfile',
    join(dir, 'redis.log'),
    ...(persistent ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no']),
  ];
  // A process group of its own: a terminal's Ctrl-C must not stop Redis under workers finishing.
  const child = spawn('redis-server', args, { stdio: 'ignore', detached: true });
  if (!(await waitFor(url, 10_000))) {
    say(`redis-server did not answer on port ${privatePort}; see ${join(dir, 'redis.log')}.`);
    child.kill('SIGKILL');
    process.exit(1);
  }
  say(
    `Nothing answered at ${redisUrl}: started a private Redis at ${url} ` +
      `(data in ${dir}${persistent ? ', append-only file on' : ''}, noeviction).`,
  );
  return { url, child };
}
