import { describe, expect, it, vi } from 'vitest';
import { chromiumAvailable } from './launch-chromium.ts';

describe('chromiumAvailable', () => {
  it('skips with a warning that says how to install it, outside CI', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        chromiumAvailable('the browser tests', { path: '/nonexistent/chromium', ci: false }),
      ).toBe(false);
      expect(String(write.mock.calls[0]?.[0])).toMatch(
        /Chromium is not installed at \/nonexistent\/chromium \(install it with: sudo apt-get install chromium\): SKIPPING the browser tests/,
      );
    } finally {
      write.mockRestore();
    }
  });

  it('fails in CI instead of skipping', () => {
    expect(() =>
      chromiumAvailable('the browser tests', { path: '/nonexistent/chromium', ci: true }),
    ).toThrow(/CI requires it for the browser tests/);
  });

  it('says yes when the browser is there', () => {
    expect(chromiumAvailable('the browser tests', { path: process.execPath, ci: true })).toBe(true);
  });
});
