import { existsSync, readFileSync } from 'node:fs';
import { CONFIG_VARIABLES } from '@tidings/core';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const envExample = readFileSync(new URL('.env.example', root), 'utf8');

describe('documentation', () => {
  it('documents every configuration variable in the README, with its default', () => {
    for (const [name, spec] of Object.entries(CONFIG_VARIABLES)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `README row for ${name}`).toBeDefined();
      if (spec.default !== undefined) expect(row).toContain(`\`${spec.default}\``);
    }
  });

  it('lists every configuration variable in .env.example', () => {
    for (const name of Object.keys(CONFIG_VARIABLES)) {
      expect(envExample).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    }
  });

  it('gives a newcomer exactly the two commands (and the demo start), and both exist', () => {
    const quickStart = readme.split(/^## /m).find((section) => section.startsWith('Quick start'));
    const commands = [...(quickStart ?? '').matchAll(/^```sh\n([\s\S]*?)```$/gm)].map((m) =>
      m[1]?.trim(),
    );
    expect(commands).toEqual(['npm start', 'MODELS=demo npm start', 'npm test']);
    const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'test']) {
      const script = scripts[name] ?? '';
      expect(script, `npm ${name}`).toMatch(/^node scripts\/[\w-]+\.mjs$/);
      expect(existsSync(new URL(script.replace('node ', ''), root)), script).toBe(true);
    }
  });
});
