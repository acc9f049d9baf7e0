import { Tokenizer } from 'htmlparser2';

/**
 * How deeply elements may nest in an article body. Deeper elements are removed and their
 * text kept ("flattened"): real articles nest a dozen levels at most, while HTML parsers,
 * sanitizers and renderers slow down with depth (htmlparser2 and so sanitize-html take time
 * quadratic in it), so 30,000 nested `<b>` would stall every step after intake.
 */
export const MAX_MARKUP_DEPTH = 100;

// Elements that have no content and so never nest anything (as htmlparser2 parses HTML).
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);

// Which open elements an opening tag closes implicitly, as htmlparser2 does for HTML: the
// depth counted here must never be lower than what the sanitizer's parser will see.
const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIED_CLOSES = new Map<string, ReadonlySet<string>>();
const implies = (openers: string, closes: readonly string[]) => {
  for (const opener of openers.split(' ')) IMPLIED_CLOSES.set(opener, new Set(closes));
};
implies('tr', ['tr', 'th', 'td']);
implies('th', ['th']);
implies('td', ['thead', 'th', 'td']);
implies('body', ['head', 'link', 'script']);
implies('a', ['a']);
implies('li', ['li']);
implies('h1 h2 h3 h4 h5 h6', HEADINGS);
implies('select input output button datalist textarea', FORM);
implies('option', ['option']);
implies('optgroup', ['optgroup', 'option']);
implies('dd dt', ['dd', 'dt']);
implies('rt rp', ['rt', 'rp']);
implies('tbody tfoot', ['thead', 'tbody']);
implies(
  'p address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul',
  P,
);

// Elements whose content is raw text, never elements: always kept, as leaves, so that the
// sanitizer still drops a deep script's code rather than showing it as text.
const RAW_TEXT = new Set(
  'script style title textarea xmp iframe noembed noframes plaintext'.split(' '),
);

interface Open {
  readonly name: string;
  readonly kept: boolean;
}

/**
 * Removes the tags of elements nested deeper than `maxDepth`, keeping their text, in time
 * linear in the input (one pass of htmlparser2's tokenizer over the string; no tree, no
 * recursion). Everything else, including malformed markup, is copied unchanged for the
 * sanitizer that runs next.
 *
 * @example
 * flattenDeepMarkup('<p><b><i>deep</i></b></p>', 2); // '<p><b>deep</b></p>'
 */
export function flattenDeepMarkup(html: string, maxDepth: number = MAX_MARKUP_DEPTH): string {
  const out: string[] = [];
  let copied = 0;
  const drop = (from: number, to: number) => {
    out.push(html.slice(copied, from));
    copied = to;
  };
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  let keptDepth = 0;
  let foreign = 0;
  let tagName = '';
  let tagStart = 0;

  const pop = (): Open | undefined => {
    const top = stack.pop();
    if (!top) return undefined;
    openCount.set(top.name, (openCount.get(top.name) ?? 1) - 1);
    if (top.kept) keptDepth--;
    if (top.name === 'svg' || top.name === 'math') foreign--;
    return top;
  };
  const endOpenTag = (end: number) => {
    const name = tagName;
    if (VOID.has(name)) return;
    const closes = IMPLIED_CLOSES.get(name);
    while (closes && stack.length > 0 && closes.has(stack[stack.length - 1]?.name ?? '')) pop();
    const kept = keptDepth < maxDepth || RAW_TEXT.has(name);
    if (kept) keptDepth++;
    else drop(tagStart, end + 1);
    stack.push({ name, kept });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (name === 'svg' || name === 'math') foreign++;
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
      },
      onopentagend: endOpenTag,
      // HTML ignores the slash of `<b/>`: the element stays open.
      onselfclosingtag: endOpenTag,
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (VOID.has(name) || !openCount.get(name)) return;
        let closed = pop();
        while (closed && closed.name !== name) closed = pop();
        if (closed && !closed.kept) {
          const gt = html.indexOf('>', end);
          drop(start - 2, gt === -1 ? html.length : gt + 1);
        }
      },
      isInForeignContext: () => foreign > 0,
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}
