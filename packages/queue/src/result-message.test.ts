import { describe, expect, it } from 'vitest';
import { resultMessageSchema } from './result-message.ts';

const made = {
  kind: 'finished',
  articleId: '01J9',
  revision: 1,
  language: 'de',
  startedAt: '2026-11-30T20:00:00.000Z',
  finishedAt: '2026-11-30T20:00:02.000Z',
  content: { title: 'Titel', summary: 'Kurz.', body: '<p>Text.</p>', categories: [] },
  model: 'Xenova/opus-mt-en-de',
} as const;

describe('resultMessageSchema', () => {
  it('carries review reasons as data: code, fields and segment', () => {
    const reasons = [
      { code: 'number-missing', number: '5', segment: 'On 5 May.' },
      { code: 'placeholder-missing', placeholder: 1, segment: 'A <b>b</b>.' },
      { code: 'lost-protected-run', runs: ['ACME'], segment: 'ACME rose.' },
      {
        code: 'markup-repaired',
        repairs: [{ placeholder: '<g1>', how: 'moved' }],
        segment: 'A <i>c</i>.',
      },
    ];
    const parsed = resultMessageSchema.parse({
      ...made,
      outcome: 'needs_review',
      reason: 'The number 5 was lost',
      reasons,
    });
    expect(parsed).toMatchObject({ outcome: 'needs_review', reasons });
  });

  it('still reads a message from an older worker, with only the English reason', () => {
    const parsed = resultMessageSchema.parse({
      ...made,
      outcome: 'needs_review',
      reason: 'The number 5 was lost in “On 5 May.”',
    });
    expect(parsed).toMatchObject({ reason: 'The number 5 was lost in “On 5 May.”' });
    expect('reasons' in parsed ? parsed.reasons : undefined).toBeUndefined();
  });

  it('refuses a reason with an unknown code or without its fields', () => {
    for (const bad of [
      { code: 'no-such-code', segment: 'x' },
      { code: 'number-missing', segment: 'On 5 May.' },
      { code: 'lost-foreign-run', runs: 'x', segment: 'x' },
    ]) {
      const parsed = resultMessageSchema.safeParse({
        ...made,
        outcome: 'needs_review',
        reason: 'x',
        reasons: [bad],
      });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
  });
});
