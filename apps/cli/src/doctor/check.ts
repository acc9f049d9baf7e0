/** The outcome of one `tidings doctor` check. */
export interface Check {
  readonly name: string;
  /** `warn`: works, but not as it should in production; `fail`: something is broken. */
  readonly status: 'ok' | 'warn' | 'fail';
  /** What was found. */
  readonly detail: string;
  /** What to do about it, when something is wrong. */
  readonly fix?: string | undefined;
}

const MARKS = { ok: '✓', warn: '!', fail: '✗' } as const;

/**
 * A checklist line per check, with the fix indented under each one that is not ok.
 *
 * @example
 * checklist([{ name: 'Redis', status: 'ok', detail: 'redis://127.0.0.1:6379 answers' }]);
 * // '✓ Redis: redis://127.0.0.1:6379 answers'
 */
export function checklist(checks: readonly Check[]): string {
  return checks
    .flatMap((c) => [
      `${MARKS[c.status]} ${c.name}: ${c.detail}`,
      ...(c.fix && c.status !== 'ok' ? [`    fix: ${c.fix}`] : []),
    ])
    .join('\n');
}
