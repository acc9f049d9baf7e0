// Rewrites .env.example and the README's configuration table from core's CONFIG_VARIABLES,
// the one definition of every variable (`npm run config-docs`). A test fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_VARIABLES } from '@tidings/core';

const root = new URL('../', import.meta.url);
const rows = Object.entries(CONFIG_VARIABLES).map(
  ([name, v]) =>
    `| \`${name}\` | ${v.default === undefined ? '—' : `\`${v.default}\``} | ${v.description.replace(/\|/g, '\\|')} |`,
);
const table = ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8').replace(
  /<!-- config:start -->[\s\S]*<!-- config:end -->/,
  `<!-- config:start -->\n${table}\n<!-- config:end -->`,
);
writeFileSync(readmeUrl, readme);

let env =
  '# Tidings configuration. Every variable is optional; the value shown is the default.\n' +
  '# Nothing reads this file: set variables in the environment, e.g. `PORT=8080 npm start`.\n';
for (const [name, v] of Object.entries(CONFIG_VARIABLES)) {
  env += `\n# ${v.description}\n# Expected: ${v.expected}.\n${v.default === undefined ? '# ' : ''}${name}=${v.default ?? ''}\n`;
}
writeFileSync(new URL('.env.example', root), env);
