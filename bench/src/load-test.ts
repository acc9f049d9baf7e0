import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** What one autocannon run found. */
export interface LoadResult {
  /** Mean 2xx responses per second. */
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');

/**
 * Runs autocannon (keep-alive connections) in its own process against `url`, so that the
 * load generator does not share the server's event loop, and returns its figures.
 *
 * @example
 * const { perSecond, p99 } = await loadTest('http://127.0.0.1:3000/healthz', { seconds: 5 });
 */
export function loadTest(
  url: string,
  options: {
    seconds: number;
    connections?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Stop after this many requests instead of after `seconds`. */
    amount?: number;
  },
): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    '-j',
    '-c',
    String(options.connections ?? 10),
    '-d',
    String(options.seconds),
  ];
  if (options.amount) args.push('-a', String(options.amount));
  if (options.method) args.push('-m', options.method);
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (options.body) args.push('-b', options.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', () => {
      try {
        const r = JSON.parse(out);
        resolve({
          perSecond: r['2xx'] / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      } catch (error) {
        reject(new Error(`autocannon gave no JSON: ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}
