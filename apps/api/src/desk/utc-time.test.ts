import { describe, expect, it } from 'vitest';
import { utcTime } from './utc-time.ts';

describe('utcTime', () => {
  it('says a time in UTC, in the interface language, whatever the server zone', () => {
    // Late in the evening UTC: a server east of Greenwich would already say the next day.
    const late = new Date('2026-03-02T23:05:07Z');
    expect(utcTime('en', late)).toBe('2 Mar 2026, 23:05 UTC');
    expect(utcTime('de', late, 'medium')).toBe('02.03.2026, 23:05:07 UTC');
    expect(utcTime('uk', late)).toBe('2 бер. 2026 р., 23:05 UTC');
  });

  it('keeps each language and time style apart once its formatter is made', () => {
    const at = new Date('2026-03-02T09:05:07Z');
    expect(utcTime('fr', at, 'medium')).toBe('2 mars 2026, 09:05:07 UTC');
    expect(utcTime('fr', at)).toBe('2 mars 2026, 09:05 UTC');
    expect(utcTime('it', at)).toBe('2 mar 2026, 09:05 UTC');
    expect(utcTime('fr', at, 'medium')).toBe('2 mars 2026, 09:05:07 UTC');
  });
});
