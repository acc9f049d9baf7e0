import { readFileSync } from 'node:fs';
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

  it('gives a newcomer exactly the two commands', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
