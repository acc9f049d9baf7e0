import { describe, expect, it } from 'vitest';
import { problemLines, toProblem } from './problem.ts';

describe('problem rendering', () => {
  it('prints a problem as one line: tidings: <title>: <detail>', () => {
    const problem = toProblem({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No article has the id 42.',
      instance: '/v1/articles/42',
    });
    expect(problemLines(problem ?? {})).toEqual(['tidings: Not found: No article has the id 42.']);
  });

  it('adds one indented line per offending field', () => {
    const problem = toProblem({
      title: 'Validation failed',
      status: 422,
      detail: 'The request body is invalid.',
      errors: [
        { field: 'title', message: 'a title is required' },
        { field: 'image.url', message: 'an absolute http(s) URL' },
      ],
    });
    expect(problemLines(problem ?? {})).toEqual([
      'tidings: Validation failed: The request body is invalid.',
      '  title: a title is required',
      '  image.url: an absolute http(s) URL',
    ]);
  });

  it('does not take a body that is no problem for one', () => {
    expect(toProblem('<html>Bad gateway</html>')).toBeUndefined();
    expect(toProblem({ ok: true })).toBeUndefined();
    expect(toProblem(null)).toBeUndefined();
  });

  it('falls back to the status when a problem has no title', () => {
    expect(problemLines({ status: 503, detail: 'Try again.' })).toEqual([
      'tidings: HTTP 503: Try again.',
    ]);
  });
});
