import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('serves the six languages unless LANGUAGES names fewer, kept in menu order', () => {
    expect(parseConfig({}).languages).toEqual(['en', 'es', 'de', 'fr', 'it', 'uk']);
    expect(parseConfig({ LANGUAGES: 'uk, EN' }).languages).toEqual(['en', 'uk']);
    expect(parseConfig({ LANGUAGES: 'de,fr,it' }).languages).toEqual(['de', 'fr', 'it']);
    for (const bad of ['en', 'en,ru', 'en,en', 'en,,uk', 'en;uk']) {
      expect(() => parseConfig({ LANGUAGES: bad }), bad).toThrow(
        `Invalid configuration: LANGUAGES=${JSON.stringify(bad)} is not two or more different codes of en, es, de, fr, it, uk, separated by commas`,
      );
    }
  });

  it('reads DESK_SESSION_TTL as seconds or with s, m, h or d, from a minute to 30 days', () => {
    expect(parseConfig({}).deskSessionTtlSeconds).toBe(8 * 3600);
    expect(parseConfig({ DESK_SESSION_TTL: '45m' }).deskSessionTtlSeconds).toBe(45 * 60);
    expect(parseConfig({ DESK_SESSION_TTL: '7d' }).deskSessionTtlSeconds).toBe(7 * 86400);
    expect(parseConfig({ DESK_SESSION_TTL: '900' }).deskSessionTtlSeconds).toBe(900);
    for (const bad of ['30s', '31d', '8 hours', '-1h', 'h']) {
      expect(() => parseConfig({ DESK_SESSION_TTL: bad }), bad).toThrow(/DESK_SESSION_TTL=/);
    }
    expect(parseConfig({}).deskSessionSecret).toBeUndefined();
    expect(() => parseConfig({ DESK_SESSION_SECRET: 'short' })).toThrow(/DESK_SESSION_SECRET=/);
  });

  it('takes an IP address or a host name as HOST, and refuses anything else with one line', () => {
    for (const good of [
      '0.0.0.0',
      '127.0.0.1',
      '::',
      '::1',
      'localhost',
      'api.example.org',
      'queue_host',
    ]) {
      expect(parseConfig({ HOST: good }).host, good).toBe(good);
    }
    expect(parseConfig({ HOST: '::1', PORT: '4000' }).publicUrl).toBe('http://[::1]:4000');
    // Before, these were taken, and the API died at start on a stack trace (Invalid URL
    // http://[::::]:3000, made for the default PUBLIC_URL).
    for (const bad of [
      '::::',
      'my host',
      'http://example.org',
      'example.org:3000',
      '-x',
      'fe80::1%eth0',
    ]) {
      expect(() => parseConfig({ HOST: bad }), bad).toThrow(
        `Invalid configuration: HOST=${JSON.stringify(bad)} is not a host name or IP address to bind`,
      );
    }
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

  it('reads a number only as written in digits, never 1e3, hex or 1_000 as another number', () => {
    for (const bad of ['1e3', '0x50', '80.0', '1_000', '+80', '0b1010']) {
      expect(() => parseConfig({ PORT: bad }), bad).toThrow(
        `PORT="${bad}" is not an integer from 1 to 65535`,
      );
    }
    for (const bad of ['1e3', '0x10', '2.5'])
      expect(() => parseConfig({ WORKER_CONCURRENCY: bad }), bad).toThrow('WORKER_CONCURRENCY=');
    for (const bad of ['1e-1', '0x1', '.5.'])
      expect(() => parseConfig({ LANGUAGE_DETECTION_THRESHOLD: bad }), bad).toThrow(
        'LANGUAGE_DETECTION_THRESHOLD=',
      );
    expect(parseConfig({ PORT: ' 8080 ' }).port).toBe(8080);
    expect(parseConfig({ LANGUAGE_DETECTION_THRESHOLD: '.75' }).languageDetectionThreshold).toBe(
      0.75,
    );
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

describe('site settings', () => {
  const file = (settings: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-site-config-'));
    const path = join(dir, 'site.json');
    writeFileSync(path, typeof settings === 'string' ? settings : JSON.stringify(settings));
    return path;
  };

  it('names the site Tidings in every language when nothing is set', () => {
    const { site } = parseConfig({});
    expect(Object.values(site.name)).toEqual(Array(6).fill('Tidings'));
    expect(site.accentColor).toBe('#0b5cad');
    expect(site.logoUrl).toBeUndefined();
    expect(site.description).toEqual({});
  });

  it('takes the name, per-language description, colour and footer from SITE_* variables', () => {
    const { site } = parseConfig({
      SITE_NAME: 'Kyiv Ledger',
      SITE_DESCRIPTION: '{"en":"News from Kyiv","uk":"Новини з Києва"}',
      SITE_ACCENT_COLOR: '#A1B',
      SITE_FOOTER: '© Kyiv Ledger',
      SITE_LOGO_URL: '/media/logo.svg',
    });
    expect(site.name.uk).toBe('Kyiv Ledger');
    expect(site.description).toEqual({ en: 'News from Kyiv', uk: 'Новини з Києва' });
    expect(site.accentColor).toBe('#aa11bb');
    expect(site.footer.fr).toBe('© Kyiv Ledger');
    expect(site.logoUrl).toBe('/media/logo.svg');
  });

  it('reads SITE_CONFIG, and a SITE_* variable wins over the file', () => {
    const path = file({
      name: { en: 'Kyiv Ledger', uk: 'Київський вісник' },
      accentColor: '#225522',
      footer: { en: 'Imprint' },
    });
    const { site } = parseConfig({ SITE_CONFIG: path, SITE_ACCENT_COLOR: '#000000' });
    expect(site.name.uk).toBe('Київський вісник');
    expect(site.name.de).toBe('Kyiv Ledger');
    expect(site.accentColor).toBe('#000000');
    expect(site.footer).toEqual({ en: 'Imprint' });
  });

  it('stops on a bad site setting with one line naming the variable', () => {
    expect(() => parseConfig({ SITE_ACCENT_COLOR: 'blue' })).toThrow(
      'SITE_ACCENT_COLOR="blue" is not a hex colour such as #0b5cad',
    );
    expect(() => parseConfig({ SITE_LOGO_URL: 'javascript:alert(1)' })).toThrow('SITE_LOGO_URL=');
    expect(() => parseConfig({ SITE_NAME: '{"xx":"Nope"}' })).toThrow('SITE_NAME=');
    const bad = file({ name: 'Kyiv Ledger', colour: '#000' });
    expect(() => parseConfig({ SITE_CONFIG: bad })).toThrow(
      /SITE_CONFIG=".*site.json" is not a readable JSON file of site settings \(.*colour/,
    );
    expect(() => parseConfig({ SITE_CONFIG: file('{ not json') })).toThrow(/SITE_CONFIG=/);
    expect(() => parseConfig({ SITE_CONFIG: '/nowhere/site.json' })).toThrow(/ENOENT/);
    try {
      parseConfig({ SITE_CONFIG: bad });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('PRELOAD_MODELS', () => {
  it('preloads the served directions by default, or none, or the directions listed', () => {
    expect(parseConfig({}).preloadModels).toBe('served');
    expect(parseConfig({ PRELOAD_MODELS: 'NONE' }).preloadModels).toBe('none');
    expect(parseConfig({ PRELOAD_MODELS: 'en-es, uk-en' }).preloadModels).toEqual([
      ['en', 'es'],
      ['uk', 'en'],
    ]);
  });

  it('refuses a direction that is not one, or not between the served languages', () => {
    for (const bad of ['all', 'en-en', 'en-ru', 'en-es-de', 'en']) {
      expect(() => parseConfig({ PRELOAD_MODELS: bad }), bad).toThrow(
        `PRELOAD_MODELS=${JSON.stringify(bad)} is not served, none, or directions`,
      );
    }
    expect(() => parseConfig({ LANGUAGES: 'en,uk', PRELOAD_MODELS: 'en-uk,en-es' })).toThrow(
      'PRELOAD_MODELS="en-uk,en-es" is not a list of directions between the served languages (en, uk); en-es is not one',
    );
  });
});

describe('API_V8_FLAGS', () => {
  it('caps the young generation and the old generation growth by default, or none, or the flags listed', () => {
    expect(parseConfig({}).apiV8Flags).toEqual([
      '--max-semi-space-size=2',
      '--heap-growing-percent=20',
    ]);
    expect(parseConfig({ API_V8_FLAGS: 'none' }).apiV8Flags).toEqual([]);
    expect(
      parseConfig({ API_V8_FLAGS: ' --max-semi-space-size=4  --optimize-for-size ' }).apiV8Flags,
    ).toEqual(['--max-semi-space-size=4', '--optimize-for-size']);
  });

  it('refuses what is not a flag', () => {
    for (const bad of ['max-semi-space-size=2', '--x=1;rm', '-e 1', '--import=./x.mjs $(id)']) {
      expect(() => parseConfig({ API_V8_FLAGS: bad }), bad).toThrow(
        `API_V8_FLAGS=${JSON.stringify(bad)} is not V8 flags`,
      );
    }
  });
});
