import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { loadCliConfig } from '../config.ts';
import { apiCheck } from '../doctor/api-check.ts';
import { checklist } from '../doctor/check.ts';
import { parseUrl, printJson } from './api-options.ts';

/**
 * `tidings doctor`: checks Redis and its settings, the API, the workers and the models, and
 * says how to fix what is wrong; exits 1 when a check fails (warnings alone exit 0).
 *
 * @example
 * registerDoctor(program);
 */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('Check Redis, the API, the workers and the models, and say what to fix')
    .option(
      '--url <url>',
      'API base URL (default: TIDINGS_URL, else PUBLIC_URL or http://HOST:PORT)',
      parseUrl,
    )
    .option('--json', 'print the checks as JSON, for scripts')
    .action(async (options: { url?: string; json?: boolean }) => {
      const { config, url } = loadCliConfig({ url: options.url });
      const { redisChecks } = await import('../doctor/redis-checks.ts');
      const { modelsCheck } = await import('../doctor/models-check.ts');
      const { workersCheck } = await import('../doctor/workers-check.ts');
      const redis = await redisChecks(config);
      const checks = [
        ...redis.checks,
        await apiCheck(url),
        await workersCheck({ ...config, redisUrl: redis.redisUrl }),
        await modelsCheck(config),
      ];
      const failed = checks.filter((c) => c.status === 'fail');
      if (options.json) printJson({ ok: failed.length === 0, checks });
      else process.stdout.write(`${checklist(checks)}\n`);
      if (failed.length > 0) {
        throw new CliError(
          `${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${failed.map((c) => c.name).join(', ')}`,
        );
      }
    });
}
