import { isLanguageCode } from '@tidings/core';
import type { Command } from 'commander';
import type { GlossaryTermView, GlossaryView } from '../api/views.ts';
import { CliError, EXIT_USAGE } from '../cli-error.ts';
import { renderTable } from '../output/render-table.ts';
import { terminalSafe } from '../output/terminal-text.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface SetOptions extends ApiOptions {
  readonly translation: readonly string[];
  readonly from?: string;
  readonly ignoreCase?: boolean;
}

/** `es=OTAN` as a language and its text; a usage error otherwise. */
function parseTranslation(pair: string): [string, string] {
  const at = pair.indexOf('=');
  const lang = pair.slice(0, at);
  const text = pair.slice(at + 1).trim();
  if (at < 0 || !isLanguageCode(lang) || text === '') {
    throw new CliError(
      `--translation ${JSON.stringify(pair)}: expected LANG=TEXT, LANG one of en, es, de, fr, it, uk`,
      { exitCode: EXIT_USAGE },
    );
  }
  return [lang, text];
}

const how = (term: GlossaryTermView): string => {
  const fixed = Object.entries(term.translations ?? {});
  return fixed.length === 0
    ? 'never translated'
    : fixed.map(([lang, text]) => `${lang}: ${text}`).join(', ');
};

/**
 * `tidings glossary list|set|remove`: the newsroom glossary, with an editor or admin key.
 *
 * @example
 * registerGlossary(program);
 */
export function registerGlossary(program: Command): void {
  const glossary = program
    .command('glossary')
    .description(
      'List and change the glossary: terms never translated, or always translated one way (needs an editor key)',
    );

  withApiOptions(glossary.command('list').description('Every term and the version')).action(
    async (options: ApiOptions) => {
      const { api } = apiClient(options);
      const { body } = await api.request<GlossaryView>('GET', '/v1/glossary');
      if (options.json) return printJson(body);
      const rows = body.terms.map((t) => [
        terminalSafe(t.source),
        terminalSafe(how(t)),
        t.from ?? 'any',
        t.caseSensitive ? 'yes' : 'no',
        t.updatedAt.slice(0, 19).replace('T', ' '),
      ]);
      process.stdout.write(
        rows.length === 0
          ? `The glossary is empty (version ${body.version}).\n`
          : `${renderTable(['TERM', 'WRITTEN', 'FROM', 'CASE', 'CHANGED'], rows)}\nversion ${body.version}\n`,
      );
    },
  );

  withApiOptions(
    glossary
      .command('set')
      .description(
        'Add or replace a term: never translated, or with --translation, written that way in each language given',
      )
      .argument('<term>', 'the term as written in a source text')
      .option(
        '--translation <lang=text>',
        'how the term is written in one language (repeat for more); others keep it as written',
        (value: string, all: string[]) => [...all, value],
        [] as string[],
      )
      .option('--from <lang>', 'only in articles written in this language')
      .option('--ignore-case', 'match the term whatever its case'),
  ).action(async (term: string, options: SetOptions) => {
    const translations = Object.fromEntries(options.translation.map(parseTranslation));
    const { api } = apiClient(options);
    const { body } = await api.request<{ version: number; term: GlossaryTermView }>(
      'PUT',
      `/v1/glossary/${encodeURIComponent(term)}`,
      {
        ...(options.translation.length > 0 ? { translations } : {}),
        ...(options.from === undefined ? {} : { from: options.from }),
        caseSensitive: options.ignoreCase !== true,
      },
    );
    if (options.json) return printJson(body);
    process.stdout.write(
      `"${terminalSafe(body.term.source)}": ${terminalSafe(how(body.term))} (glossary version ${body.version}; workers use it from their next job).\n`,
    );
  });

  withApiOptions(
    glossary.command('remove').description('Remove a term').argument('<term>', 'the term'),
  ).action(async (term: string, options: ApiOptions) => {
    const { api } = apiClient(options);
    const { body } = await api.request<{ version: number; removed: string }>(
      'DELETE',
      `/v1/glossary/${encodeURIComponent(term)}`,
    );
    if (options.json) return printJson(body);
    process.stdout.write(
      `removed "${terminalSafe(body.removed)}" (glossary version ${body.version}).\n`,
    );
  });
}
