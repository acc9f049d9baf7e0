/** One offending field of a request, as the API lists it in a validation problem. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem as the Tidings API answers every error. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The problem in a response body, or `undefined` when the body is not one (a proxy's HTML
 * page, an empty body). Unknown members are dropped; malformed field errors are skipped.
 *
 * @example
 * toProblem({ title: 'Not found', status: 404, detail: 'No article has the id 42.' });
 */
export function toProblem(body: unknown): Problem | undefined {
  if (!isRecord(body)) return undefined;
  const { type, title, status, detail, instance, errors } = body;
  if (typeof title !== 'string' && typeof detail !== 'string') return undefined;
  const fields = Array.isArray(errors)
    ? errors
        .filter(isRecord)
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : undefined;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(typeof instance === 'string' ? { instance } : {}),
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
  };
}

/**
 * The lines a problem is printed as: `tidings: <title>: <detail>`, then one indented line per
 * offending field.
 *
 * @example
 * problemLines({ title: 'Validation failed', detail: 'The request body is invalid.',
 *   errors: [{ field: 'title', message: 'a title is required' }] });
 * // ['tidings: Validation failed: The request body is invalid.', '  title: a title is required']
 */
export function problemLines(problem: Problem): string[] {
  const title = problem.title ?? (problem.status ? `HTTP ${problem.status}` : 'Error');
  const head = problem.detail ? `tidings: ${title}: ${problem.detail}` : `tidings: ${title}`;
  return [
    head,
    ...(problem.errors ?? []).map((e) =>
      e.field ? `  ${e.field}: ${e.message}` : `  ${e.message}`,
    ),
  ];
}
