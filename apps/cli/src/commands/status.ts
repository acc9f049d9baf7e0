import { LANGUAGE_CODES } from '@tidings/core';
import type { Command } from 'commander';
import type { ArticleView, LanguageView } from '../api/views.ts';
import { between, formatDuration } from '../output/format-units.ts';
import { keyLabel } from '../output/key-label.ts';
import { reasonText } from '../output/reason-text.ts';
import { renderTable } from '../output/render-table.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

const duration = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));
const time = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

/** Who edited and who approved a language, by key name: `edited by “German desk”, approved by “Chief”`. */
function whoNote(s: LanguageView): string {
  return [
    s.editedBy ? `edited by ${keyLabel(s.editor, s.editedBy)}` : '',
    s.approvedBy ? `approved by ${keyLabel(s.approver, s.approvedBy)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The status table of an article: a row per language with its status, model and timings
 * (time waiting in the queue, time translating, when it went live).
 *
 * @example
 * process.stdout.write(statusTable(article));
 */
export function statusTable(article: ArticleView): string {
  // The languages the article has: those the instance serves (LANGUAGES), in menu order.
  const codes = LANGUAGE_CODES.filter(
    (code) => article.languages[code] !== undefined || code === article.sourceLanguage,
  );
  const rows = codes.map((code) => {
    const s = article.languages[code];
    if (code === article.sourceLanguage) {
      return [code, 'source', '', '', '', time(s?.publishedAt ?? article.createdAt), ''];
    }
    if (!s) return [code, '—', '', '', '', '', ''];
    return [
      code,
      s.status,
      s.model ?? '',
      duration(between(s.queuedAt, s.startedAt)),
      s.status === 'edited' || s.status === 'stale'
        ? ''
        : duration(between(s.startedAt, s.finishedAt)),
      time(s.publishedAt),
      reasonText(s) ?? whoNote(s),
    ];
  });
  const head = [
    `${article.content.title}`,
    `id ${article.id}  source ${article.sourceLanguage}  revision ${article.revision}  slug ${article.slug}` +
      (article.retractedAt ? `  RETRACTED ${time(article.retractedAt)}` : ''),
    '',
  ];
  return `${head.join('\n')}${renderTable(['LANG', 'STATUS', 'MODEL', 'QUEUED', 'TOOK', 'PUBLISHED', 'NOTE'], rows)}\n`;
}

/**
 * `tidings status ID`: every language of an article, as a table.
 *
 * @example
 * registerStatus(program);
 */
export function registerStatus(program: Command): void {
  withApiOptions(
    program
      .command('status')
      .description("Show an article's languages: status, model, timings")
      .argument('<id>', 'article id'),
  ).action(async (id: string, options: ApiOptions) => {
    const { api } = apiClient(options);
    const { body } = await api.request<ArticleView>(
      'GET',
      `/v1/articles/${encodeURIComponent(id)}`,
    );
    if (options.json) printJson(body);
    else process.stdout.write(statusTable(body));
  });
}
