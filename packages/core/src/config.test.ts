import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('runs with nothing set, on the documented defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '' }).port).toBe(3000);
  });

  it('names the variable, the value and what is expected in one line', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(
      'Invalid configuration: PORT="abc" is not an integer from 1 to 65535',
    );
    try {
      parseConfig({ PORT: 'abc' });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('reports every bad variable at once', () => {
    try {
      parseConfig({ PORT: '70000', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([
        'PORT',
        'REDIS_URL',
        'LOG_LEVEL',
      ]);
    }
  });

  it('accepts a PostgreSQL URL and trims a trailing slash from PUBLIC_URL', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://localhost:5432/test',
      PUBLIC_URL: 'https://news.example.org/',
    });
    expect(config.databaseUrl).toBe('postgres://localhost:5432/test');
    expect(config.publicUrl).toBe('https://news.example.org');
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://localhost/test' })).toThrow(/DATABASE_URL/);
  });
});

describe('booleans', () => {
  it('reads true/false, 1/0 and yes/no, and nothing else', () => {
    expect(parseConfig({ ALLOW_REMOTE_MODELS: 'false' }).allowRemoteModels).toBe(false);
    expect(parseConfig({ ALLOW_REMOTE_MODELS: '1' }).allowRemoteModels).toBe(true);
    expect(parseConfig({}).allowRemoteModels).toBe(true);
    expect(() => parseConfig({ ALLOW_REMOTE_MODELS: 'maybe' })).toThrow(
      'ALLOW_REMOTE_MODELS="maybe" is not true or false',
    );
  });
});
