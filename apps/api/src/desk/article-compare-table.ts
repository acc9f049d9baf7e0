import { type ArticleContent, bodyBlockHtml, sanitizeArticleHtml } from '@tidings/core';
import type { Article, Translation } from '@tidings/store';
import { html, raw } from 'hono/html';
import type { TypedCorrection } from './article-edit-input.ts';
import { type ArticleRenderContext, languageName } from './article-render-context.ts';

type Row =
  | { readonly kind: 'title' | 'summary' | 'imageAlt' }
  | { readonly kind: 'block'; readonly index: number };

/** One column of the comparison: a version's text, which it is, and its segments' origins. */
interface Column {
  readonly language: string;
  readonly label: string;
  readonly content: ArticleContent | null;
  readonly origins: Translation['segmentOrigins'];
  /** The language whose text the editor is correcting in this column, if any. */
  readonly editing: boolean;
}

const textOf = (content: ArticleContent | null, row: Row, blocks: readonly string[]) => {
  if (!content) return undefined;
  if (row.kind === 'title') return content.title;
  if (row.kind === 'summary') return content.summary;
  if (row.kind === 'imageAlt') return content.image?.alt ?? '';
  return row.kind === 'block' ? blocks[row.index] : undefined;
};

function columnsOf(
  ctx: ArticleRenderContext,
  shown: readonly Translation[],
  editing: string | undefined,
  typed: boolean,
) {
  const { t } = ctx;
  return shown.flatMap((v): Column[] => {
    const columns = versionColumns(ctx, v, editing === v.language && !typed);
    if (editing !== v.language || !typed) return columns;
    // A refused correction: what was typed, to correct again, beside the version as it is now
    // (which another editor may have changed meanwhile).
    const name = languageName(v.language, ctx.language);
    const label = t('desk:article.column.typed', { language: name });
    return [
      { language: v.language, label, content: null, origins: null, editing: true },
      ...columns,
    ];
  });
}

/** The columns of one version as it is stored: a draft, or what readers see and a fresh draft. */
function versionColumns(ctx: ArticleRenderContext, v: Translation, edit: boolean): Column[] {
  const { t } = ctx;
  const name = languageName(v.language, ctx.language);
  if (v.status === 'needs_review') {
    return [
      {
        language: v.language,
        label: t('desk:article.column.draft', { language: name }),
        content: v.draft,
        origins: null,
        editing: edit,
      },
    ];
  }
  const live = {
    language: v.language,
    label:
      v.status === 'stale'
        ? t('desk:article.column.editors', { language: name })
        : t('desk:article.column.live', { language: name }),
    content: v.content,
    origins: v.segmentOrigins,
    editing: edit,
  };
  if (v.status === 'stale' && v.draft) {
    return [
      live,
      {
        language: v.language,
        label: t('desk:article.column.freshDraft', { language: name }),
        content: v.draft,
        origins: null,
        editing: false,
      },
    ];
  }
  return [live];
}

/**
 * The segment index (as the memory counts blocks: title 0, summary 1, each category, the
 * image's alt text, then the body's blocks) of a row of the source.
 */
function segmentBlock(source: ArticleContent, row: Row): number {
  const afterCategories = 2 + source.categories.length;
  if (row.kind === 'title') return 0;
  if (row.kind === 'summary') return 1;
  if (row.kind !== 'block') return afterCategories;
  return afterCategories + (source.image ? 1 : 0) + row.index;
}

function originList(ctx: ArticleRenderContext, column: Column, block: number) {
  const segments = column.origins?.segments.filter((s) => s.block === block) ?? [];
  if (segments.length === 0) return '';
  const key = {
    human: 'human',
    'human-memory': 'humanMemory',
    'machine-memory': 'machineMemory',
    model: 'model',
  } as const;
  return html`<ul class="desk-segments" aria-label="${ctx.t('desk:article.origin.heading')}">${segments.map(
    (s) =>
      html`<li><span class="desk-origin desk-origin-${key[s.origin]}">${ctx.t(`desk:article.origin.${key[s.origin]}`)}</span> <span class="desk-segment-source">${s.source}</span></li>`,
  )}</ul>`;
}

/**
 * The source and the chosen versions side by side, row by row (title, summary, the image's
 * description, then each block of the body), with each segment's origin under the live
 * versions' rows. In the column being corrected, each row is a text area of the form
 * `edit-form-{lang}` (a block's HTML, limited on saving to the markup Tidings keeps), holding
 * what the editor `typed` when a correction was refused, else the version's text.
 *
 * @example
 * compareTable(ctx, article, shown, 'de');
 */
export function compareTable(
  ctx: ArticleRenderContext,
  article: Article,
  shown: readonly Translation[],
  editing: string | undefined,
  typed?: TypedCorrection,
) {
  const { t } = ctx;
  const source = article.content;
  const columns = columnsOf(ctx, shown, editing, typed !== undefined);
  const blocks = new Map<ArticleContent | null, string[]>();
  const blocksOf = (c: ArticleContent | null) => {
    if (!c) return [];
    const found = blocks.get(c) ?? bodyBlockHtml(c.body);
    blocks.set(c, found);
    return found;
  };
  const most = Math.max(blocksOf(source).length, ...columns.map((c) => blocksOf(c.content).length));
  const rows: Row[] = [
    { kind: 'title' },
    ...(source.summary || columns.some((c) => c.content?.summary)
      ? [{ kind: 'summary' } as const]
      : []),
    ...(source.image ? [{ kind: 'imageAlt' } as const] : []),
    ...Array.from({ length: most }, (_, index) => ({ kind: 'block', index }) as const),
  ];
  const rowName = (row: Row) =>
    row.kind === 'block'
      ? t('desk:article.row.block', { number: row.index + 1 })
      : t(`desk:article.row.${row.kind}`);
  const show = (row: Row, text: string | undefined) => {
    if (text === undefined) return html`<span class="meta">${t('desk:article.empty')}</span>`;
    return row.kind === 'block' ? raw(sanitizeArticleHtml(text)) : text;
  };
  const editCell = (column: Column, row: Row, stored: string | undefined) => {
    const name = row.kind === 'block' ? `block-${row.index}` : row.kind;
    const text = typed ? (typed[name] ?? '') : stored;
    const id = `edit-${column.language}-${name}`;
    const label = `${languageName(column.language as never, ctx.language)}: ${rowName(row)}`;
    const field =
      row.kind === 'title'
        ? html`<input id="${id}" name="${name}" form="edit-form-${column.language}" value="${text ?? ''}" required>`
        : html`<textarea id="${id}" name="${name}" form="edit-form-${column.language}" rows="${row.kind === 'block' ? 4 : 2}">${text ?? ''}</textarea>`;
    return html`<td lang="${column.language}" data-label="${column.label}" class="desk-editing"><label for="${id}" class="visually-hidden">${label}</label>${field}</td>`;
  };
  return html`<div class="desk-compare-wrap"><table class="desk-compare">
<caption class="visually-hidden">${t('desk:article.compareCaption')}</caption>
<thead><tr><td></td><th scope="col" lang="${article.sourceLanguage}">${t('desk:article.column.source', { language: languageName(article.sourceLanguage, ctx.language) })}</th>${columns.map(
    (c) => html`<th scope="col" ${c.editing ? raw(`id="edit-${c.language}"`) : ''}>${c.label}</th>`,
  )}</tr></thead>
<tbody>${rows.map((row) => {
    const block = segmentBlock(source, row);
    return html`<tr><th scope="row">${rowName(row)}</th>
<td lang="${article.sourceLanguage}" data-label="${t('desk:article.column.source', { language: languageName(article.sourceLanguage, ctx.language) })}">${show(row, textOf(source, row, blocksOf(source)))}</td>${columns.map(
      (c) => {
        const text = textOf(c.content, row, blocksOf(c.content));
        if (c.editing) return editCell(c, row, text);
        return html`<td lang="${c.language}" data-label="${c.label}">${c.content ? show(row, text) : html`<span class="meta">${t('desk:article.noVersion')}</span>`}${originList(ctx, c, block)}</td>`;
      },
    )}</tr>`;
  })}</tbody></table></div>`;
}
