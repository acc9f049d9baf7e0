import { describe, expect, it } from 'vitest';
import { retryLine } from './retry.ts';

describe('tidings retry output', () => {
  it("says why a language was skipped in the API's text, else its English reason", () => {
    const skipped = {
      language: 'de',
      outcome: 'skipped',
      status: 'edited',
      job: null,
      reason: "the de version is an editor's correction (edited); a retry never replaces it",
    } as const;
    expect(
      retryLine({
        ...skipped,
        reasons: [
          {
            code: 'retry-editor-owned',
            text: 'die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie',
          },
        ],
      }),
    ).toBe(
      'de: not retried: die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie',
    );
    // An API older than reasons.
    expect(retryLine(skipped)).toBe(`de: not retried: ${skipped.reason}`);
  });
});
