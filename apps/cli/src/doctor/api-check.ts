import type { ReadinessView } from '../api/views.ts';
import { networkFailure } from '../models/network-error.ts';
import type { Check } from './check.ts';

/**
 * Checks that the API answers `/readyz`, and names the dependency that fails when it is not
 * ready.
 *
 * @example
 * await apiCheck('http://127.0.0.1:3000');
 */
export async function apiCheck(url: string): Promise<Check> {
  let response: Response;
  try {
    response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    return {
      name: 'API',
      status: 'fail',
      detail: `nothing answers at ${url} (${networkFailure(error) ?? (error as Error).message})`,
      fix: 'start it with `npm start`, or point the CLI at it with --url or TIDINGS_URL',
    };
  }
  const body = (await response.json().catch(() => undefined)) as ReadinessView | undefined;
  if (response.ok) return { name: 'API', status: 'ok', detail: `${url} is ready` };
  const failing = Object.entries(body?.checks ?? {})
    .filter(([, c]) => c.status !== 'ok')
    .map(([name, c]) => `${name} failing${c.error ? ` (${c.error})` : ''}`);
  return {
    name: 'API',
    status: 'fail',
    detail: `${url} answers ${response.status}, not ready: ${failing.join('; ') || 'no reason given'}`,
    fix: failing.some((f) => f.startsWith('redis'))
      ? 'the API cannot reach Redis: see the Redis check, and its REDIS_URL'
      : 'see the API log for the failing dependency',
  };
}
