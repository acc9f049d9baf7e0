import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command } from 'commander';
import type {
  ArticleView,
  SourceChangeView,
  TranslationView,
  VersionContentView,
} from '../api/views.ts';
import { keyLabel } from '../output/key-label.ts';
import { reasonText } from '../output/reason-text.ts';
import { bodyText, terminalSafe } from '../output/terminal-text.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

function section(heading: string, content: VersionContentView | null, none: string): string {
  const rule = `── ${heading} ${'─'.repeat(Math.max(3, 60 - heading.length))}`;
  if (!content) return `${rule}\n${none}\n`;
  const lines = [terminalSafe(content.title).toUpperCase()];
  if (content.summary) lines.push('', terminalSafe(content.summary));
  lines.push('', bodyText(content.body));
  if (content.categories.length > 0) {
    lines.push('', `Categories: ${content.categories.map(terminalSafe).join(', ')}`);
  }
  if (content.image?.alt) lines.push(`Image: ${terminalSafe(content.image.alt)}`);
  return `${rule}\n${lines.join('\n')}\n`;
}

function changeSection(change: SourceChangeView): string {
  const heading = `Source changed since revision ${change.fromRevision} (now ${change.toRevision})`;
  const rule = `── ${heading} ${'─'.repeat(Math.max(3, 60 - heading.length))}`;
  const lines = change.changes.map((c) => {
    const where = c.field === 'body' ? `block ${(c.block ?? 0) + 1}` : c.field;
    const old = c.old === null ? '' : `\n  − ${terminalSafe(c.old)}`;
    const now = c.new === null ? '' : `\n  + ${terminalSafe(c.new)}`;
    return `${where} ${c.kind}:${old}${now}`;
  });
  return `${rule}\n${lines.length > 0 ? lines.join('\n') : 'No change in the text.'}\n`;
}

/**
 * One language version as a terminal shows it: its state, the source it translates, for a stale
 * version how that source changed since the editor's revision, the machine's draft (awaiting
 * review, or of the new source) and what readers see, each as plain paragraphs.
 *
 * @example
 * process.stdout.write(showText(article, version));
 */
export function showText(article: ArticleView, version: TranslationView): string {
  const who = version.editedBy
    ? `edited by ${keyLabel(version.editor, version.editedBy)}`
    : version.model
      ? `model ${terminalSafe(version.model)}`
      : '';
  const approved = version.approvedBy
    ? `, approved by ${keyLabel(version.approver, version.approvedBy)}`
    : '';
  const head = [
    `${article.id} · ${version.language} · ${version.status} (revision ${version.revision}${who ? `; ${who}` : ''}${approved})`,
    reasonText(version) ? `Reason: ${terminalSafe(reasonText(version) ?? '')}` : '',
  ].filter(Boolean);
  if (version.language === article.sourceLanguage) {
    return `${head.join('\n')}\n\n${section(`Original (${article.sourceLanguage}, revision ${article.revision})`, article.content, '')}`;
  }
  const published =
    version.contentRevision !== null && version.contentRevision !== version.revision
      ? `Published (${version.language}, of revision ${version.contentRevision})`
      : `Published (${version.language})`;
  return [
    `${head.join('\n')}\n`,
    section(
      `Source (${article.sourceLanguage}, revision ${article.revision})`,
      article.content,
      '',
    ),
    version.sourceChange ? changeSection(version.sourceChange) : '',
    version.draft
      ? section(
          version.status === 'stale'
            ? `Machine draft of revision ${version.revision} (${version.language})`
            : `Draft awaiting review (${version.language})`,
          version.draft,
          '',
        )
      : '',
    section(published, version.content, 'Nothing is published in this language yet.'),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * `tidings show ID LANG`: the source, the draft awaiting review and the published version of
 * one language, readable in a terminal (`--json` for both documents).
 *
 * @example
 * registerShow(program);
 */
export function registerShow(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withApiOptions(
    program
      .command('show')
      .description('Show one language of an article: its source, draft and published version')
      .argument('<id>', 'article id')
      .addArgument(new Argument('<lang>', 'language to show').choices(languages)),
  ).action(async (id: string, lang: LanguageCode, options: ApiOptions) => {
    const { api } = apiClient(options);
    const path = `/v1/articles/${encodeURIComponent(id)}`;
    const { body: article } = await api.request<ArticleView>('GET', path);
    const { body: version } = await api.request<TranslationView>('GET', `${path}/${lang}`);
    if (options.json) printJson({ article, version });
    else process.stdout.write(showText(article, version));
  });
}
