import type { Command } from 'commander';
import { Option } from 'commander';
import type { CreatedKeyView, KeyView } from '../api/views.ts';
import { renderTable } from '../output/render-table.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface CreateOptions extends ApiOptions {
  readonly role: KeyView['role'];
  readonly name: string;
}

/**
 * `tidings keys create|list|revoke`: API keys, with an admin key.
 *
 * @example
 * registerKeys(program);
 */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('Make, list and revoke API keys (needs an admin key)');

  withApiOptions(
    keys.command('create').description('Make a key; its token is printed once, on standard output'),
  )
    .addOption(
      new Option('--role <role>', 'what the key may do')
        .choices(['publisher', 'editor', 'admin'])
        .makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'who or what uses it (a CMS, a person)')
    .action(async (options: CreateOptions) => {
      const { api } = apiClient(options);
      const { body } = await api.request<CreatedKeyView>('POST', '/v1/keys', {
        role: options.role,
        name: options.name,
      });
      if (options.json) return printJson(body);
      process.stderr.write(
        `created ${body.role} key "${body.name}" (id ${body.id}); its token is shown only this once:\n`,
      );
      process.stdout.write(`${body.token}\n`);
    });

  withApiOptions(keys.command('list').description('List every key (never their tokens)')).action(
    async (options: ApiOptions) => {
      const { api } = apiClient(options);
      const { body } = await api.request<{ keys: KeyView[] }>('GET', '/v1/keys');
      if (options.json) return printJson(body.keys);
      const rows = body.keys.map((k) => [
        k.id,
        k.role,
        k.name,
        k.createdAt.slice(0, 19).replace('T', ' '),
        k.revokedAt ? `revoked ${k.revokedAt.slice(0, 10)}` : 'active',
      ]);
      process.stdout.write(`${renderTable(['ID', 'ROLE', 'NAME', 'CREATED', 'STATE'], rows)}\n`);
    },
  );

  withApiOptions(
    keys
      .command('revoke')
      .description('Revoke a key: it stops working at once')
      .argument('<id>', 'key id'),
  ).action(async (id: string, options: ApiOptions) => {
    const { api } = apiClient(options);
    const { body } = await api.request<KeyView>('DELETE', `/v1/keys/${encodeURIComponent(id)}`);
    if (options.json) return printJson(body);
    process.stdout.write(`revoked ${body.role} key "${body.name}" (${body.id}).\n`);
  });
}
