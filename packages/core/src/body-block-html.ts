import { Parser } from 'htmlparser2';

/**
 * The top-level blocks of an HTML body as HTML (a paragraph, a heading, a list…), in order, as
 * {@link bodyBlocks} counts them: text between blocks is a block of its own, and blank text is
 * none. Joined with a line break they make the same body again, so an editor can correct it
 * block by block.
 *
 * @example
 * bodyBlockHtml('<p>One <em>x</em></p><h2>Two</h2>'); // ['<p>One <em>x</em></p>', '<h2>Two</h2>']
 */
export function bodyBlockHtml(html: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  const cut = (end: number) => {
    const piece = html.slice(start, end).trim();
    if (piece) blocks.push(piece);
    start = end;
  };
  const parser: Parser = new Parser({
    onopentagname() {
      if (depth === 0) cut(parser.startIndex);
      depth++;
    },
    onclosetag() {
      depth = Math.max(0, depth - 1);
      if (depth === 0) cut(parser.endIndex + 1);
    },
  });
  parser.write(html);
  parser.end();
  cut(html.length);
  return blocks;
}
