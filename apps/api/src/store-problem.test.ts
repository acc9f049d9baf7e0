import { LANGUAGE_CODES, RETRY_SKIP_CODES, type RetrySkipData } from '@tidings/core';
import { retrySkipText, translatorFor } from '@tidings/i18n';
import {
  CONFLICT_FIELDS,
  type ConflictCode,
  ConflictError,
  type RetryOutcome,
} from '@tidings/store';
import { describe, expect, it } from 'vitest';
import { detailText, PROBLEM_DETAILS } from './problem.ts';
import { nothingToRetry, storeProblem } from './store-problem.ts';

// One example of every way a retry can be skipped, with the fields its code declares.
const SKIPS: readonly RetrySkipData[] = [
  { code: 'retry-superseded', language: 'de', status: 'published', revision: 2, retry: 1 },
  { code: 'retry-stall-limit', language: 'de', stalls: 3, retries: 2, limit: 2 },
  { code: 'retry-editor-owned', language: 'de', status: 'edited' },
  {
    code: 'retry-not-retryable',
    language: 'de',
    status: 'queued',
    retryable: ['failed', 'needs_review', 'published'],
  },
];

const skipped = (skip: RetrySkipData): Extract<RetryOutcome, { outcome: 'skipped' }> => ({
  language: skip.language,
  outcome: 'skipped',
  status: 'status' in skip ? skip.status : 'failed',
  skip,
  reason: 'the English reason, for logs',
});

describe('nothingToRetry', () => {
  it('has an example of every retry-skip code', () => {
    expect(SKIPS.map((s) => s.code).sort()).toEqual([...RETRY_SKIP_CODES].sort());
  });

  // The reasons are the store's skip codes, said once (locales/*/review.json `skipped.*`): the
  // 409 says the same sentence as a whole-article retry's `reasons[].text`, in every language.
  it("says the store's reason for every skip code, in every language", () => {
    for (const skip of SKIPS) {
      const error = nothingToRetry(skipped(skip));
      expect(error.status, skip.code).toBe(409);
      for (const lang of LANGUAGE_CODES) {
        const reason = retrySkipText(translatorFor(lang), skip);
        const text = detailText(error.detail, lang);
        // German starts the sentence after the colon in upper case.
        expect(text.toLocaleLowerCase(lang), `${lang} ${skip.code}`).toContain(
          reason.toLocaleLowerCase(lang),
        );
      }
    }
  });

  it('tells the reason in full in English, for logs, and after a capital in German', () => {
    const error = nothingToRetry(skipped(SKIPS[2] as RetrySkipData));
    expect(error.message).toBe(
      "Nothing to retry: the de version is an editor's correction (edited); a retry never replaces it.",
    );
    expect(detailText(error.detail, 'de')).toBe(
      'Nichts zu wiederholen: Die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie.',
    );
    expect(detailText(nothingToRetry(skipped(SKIPS[3] as RetrySkipData)).detail, 'en')).toBe(
      'Nothing to retry: the de version is queued; only failed, needs_review, and published versions are retried.',
    );
  });
});

describe('storeProblem of a conflict', () => {
  // Every store conflict code, thrown with the fields the store declares for it, is a 409 whose
  // detail gives exactly the fields PROBLEM_DETAILS declares for its key: none dropped, none
  // added, so the text's placeholders are all filled.
  it("gives, for every code, exactly the fields its detail's text declares", () => {
    for (const code of Object.keys(CONFLICT_FIELDS) as ConflictCode[]) {
      const fields = Object.fromEntries(CONFLICT_FIELDS[code].map((name) => [name, `${name}-1`]));
      const problem = storeProblem(new ConflictError(code, 'English, for logs', fields as never));
      expect(problem?.code, code).toBe('conflict');
      const detail = problem?.detail;
      if (!detail) throw new Error(`no detail for ${code}`);
      expect(PROBLEM_DETAILS[detail.key].problem, code).toBe('conflict');
      expect(Object.keys(detail.fields ?? {}).sort(), code).toEqual(
        [...PROBLEM_DETAILS[detail.key].fields].sort(),
      );
      expect(Object.keys(detail.fields ?? {}).sort(), code).toEqual(
        [...CONFLICT_FIELDS[code]].sort(),
      );
    }
  });
});
