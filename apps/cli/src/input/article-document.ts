import { marked, type Token } from 'marked';
import { CliError } from '../cli-error.ts';
import { escapeHtml, htmlText } from './html-text.ts';
import { chooseTitle, type TitleChoice } from './title-choice.ts';

/** The formats an article file can be written in. */
export const INPUT_FORMATS = ['html', 'markdown', 'json', 'text'] as const;

/** How an article file is written: HTML, Markdown, the API's JSON, or plain text. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A document turned into what the API takes: a headline (when found) and an HTML body. */
export interface ArticleDocument {
  /** The first heading, or the first line; `undefined` when a title was given instead. */
  readonly title: string | undefined;
  /** HTML, without the heading taken as the title. */
  readonly body: string;
  /** For plain text: which line became the title, what was skipped, and any doubt. */
  readonly titleChoice?: TitleChoice | undefined;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  txt: 'text',
  text: 'text',
};

const HTML_BLOCK = /<(p|h[1-6]|div|article|section|html|body|ul|ol|blockquote|figure|table)\b/i;

/**
 * The format of an input: the one asked for, else by the file's extension, else by a look at
 * the text (a JSON object, HTML blocks, Markdown headings, else plain text).
 *
 * @example
 * detectFormat('story.md', '# Kyiv'); // 'markdown'
 * detectFormat('-', '{"title":"Kyiv"}'); // 'json'
 */
export function detectFormat(name: string, text: string, explicit?: InputFormat): InputFormat {
  if (explicit) return explicit;
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const known = extension ? BY_EXTENSION[extension] : undefined;
  if (known) return known;
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (HTML_BLOCK.test(start)) return 'html';
  if (/^#{1,6}\s+\S/m.test(start)) return 'markdown';
  return 'text';
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);

/** Drops the first non-empty line of a text. */
function withoutFirstLine(text: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trim());
  return index < 0 ? text : [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
}

function markdownDocument(source: string, wantTitle: boolean): ArticleDocument {
  const tokens = marked.lexer(source);
  const render = (t: Token[]) => marked.parser(t as Parameters<typeof marked.parser>[0]).trim();
  if (!wantTitle) return { title: undefined, body: render(tokens) };
  const firstBlock = tokens.findIndex((t) => t.type !== 'space');
  let index = tokens.findIndex((t) => t.type === 'heading' && t.depth === 1);
  if (index < 0 && tokens[firstBlock]?.type === 'heading') index = firstBlock;
  const heading = index >= 0 ? tokens[index] : undefined;
  if (heading?.type === 'heading') {
    tokens.splice(index, 1);
    return {
      title: htmlText(marked.parseInline(heading.text, { async: false })),
      body: render(tokens),
    };
  }
  const line = firstLine(source);
  const rest = marked.lexer(withoutFirstLine(source));
  return {
    title: line === undefined ? undefined : htmlText(marked.parseInline(line, { async: false })),
    body: render(rest),
  };
}

function htmlDocument(source: string, wantTitle: boolean): ArticleDocument {
  const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(source)?.[1] ?? source;
  const fragment = body.replace(/<head[^>]*>[\s\S]*?<\/head>/i, '').trim();
  if (!wantTitle) return { title: undefined, body: fragment };
  const heading =
    /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(fragment) ??
    /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/i.exec(fragment);
  if (heading) {
    const inner = heading.length === 3 ? heading[2] : heading[1];
    return {
      title: htmlText(inner ?? ''),
      body: (
        fragment.slice(0, heading.index) + fragment.slice(heading.index + heading[0].length)
      ).trim(),
    };
  }
  const documentTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(source)?.[1];
  if (documentTitle && htmlText(documentTitle)) {
    return { title: htmlText(documentTitle), body: fragment };
  }
  const line = firstLine(fragment);
  return {
    title: line === undefined ? undefined : htmlText(line),
    body: withoutFirstLine(fragment).trim(),
  };
}

function textDocument(source: string, wantTitle: boolean): ArticleDocument {
  const all = source.split('\n');
  const choice = wantTitle ? chooseTitle(all) : undefined;
  // The title's own line leaves the body; navigation lines stay where they were.
  const paragraphs = all
    .map((l, i) => (choice && i + 1 === choice.line ? '' : l.trim()))
    .filter(Boolean);
  return {
    title: choice?.title,
    body: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    ...(choice ? { titleChoice: choice } : {}),
  };
}

/**
 * Turns an HTML, Markdown or plain-text article into a headline and an HTML body. Unless a
 * title is given, the first heading (a level-1 heading anywhere, or a heading that opens the
 * document), or else the first line, is the title, and is left out of the body. Plain text
 * has one paragraph per line, and its title is the first line that is not navigation (a
 * language menu, bullets, a repeated credit: see `chooseTitle`).
 *
 * @example
 * readDocument('# Kyiv\n\nText.', 'markdown', true); // { title: 'Kyiv', body: '<p>Text.</p>' }
 */
export function readDocument(
  source: string,
  format: Exclude<InputFormat, 'json'>,
  wantTitle: boolean,
): ArticleDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const document =
    format === 'markdown'
      ? markdownDocument(text, wantTitle)
      : format === 'html'
        ? htmlDocument(text, wantTitle)
        : textDocument(text, wantTitle);
  if (!document.body.replace(/<[^>]*>/g, '').trim()) {
    throw new CliError('the article has no body text (after its title)');
  }
  return document;
}
