import { XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { type XmlNode, xmlTree } from './xml-tree.ts';

/** One thing the W3C feed validator would say about a feed, by the name of its message. */
export interface FeedProblem {
  /** The validator's message class (`MissingSelf`, `SecurityRisk`, `UnknownNamespace`…). */
  readonly rule: string;
  readonly level: 'error' | 'warning';
  /** Where, and what: `channel/item[2]/description: <script>`. */
  readonly detail: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';

/** Namespaces the validator knows (a subset of its list: those a news feed plausibly uses). */
const KNOWN_NAMESPACES = new Set([
  ATOM,
  CONTENT,
  DC,
  'http://purl.org/dc/terms/',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1999/xhtml',
  'http://search.yahoo.com/mrss/',
  'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'http://purl.org/syndication/thread/1.0',
  'http://purl.org/rss/1.0/modules/syndication/',
  'http://purl.org/rss/1.0/modules/slash/',
  'http://wellformedweb.org/CommentAPI/',
  'http://www.georss.org/georss',
]);

/** IANA link relations the validator accepts in Atom (`link.py`'s list). */
const ATOM_RELS = new Set(
  'alternate current describedby edit edit-media enclosure first hub last license next next-archive payment prev-archive previous related replies search self service up via'.split(
    ' ',
  ),
);

/** HTML elements the validator accepts in HTML content; any other is a SecurityRisk. */
const SAFE_ELEMENTS = new Set(
  'a abbr acronym address area article aside audio b bdi big blockquote br button canvas caption center cite code col colgroup command data datagrid datalist dd del details dfn dialog dir div dl dt em eventsource fieldset figcaption figure footer font form header h1 h2 h3 h4 h5 h6 hgroup hr i img input ins keygen kbd label legend li m main map mark menu meter multicol nav nextid ol output optgroup option p picture pre progress q rp rt ruby s samp section select small sound source spacer span strike strong sub summary sup table tbody td template textarea time tfoot th thead tr track tt u ul var video noscript wbr'.split(
    ' ',
  ),
);
/** HTML element names, for telling markup in plain text (ContainsHTML) from other text. */
const HTML_TAGS = new Set([
  ...SAFE_ELEMENTS,
  ...'applet base basefont bgsound blink body col embed frame frameset head html iframe ilayer layer link marquee meta nobr noembed noframes noindex object param plaintext script style title xmp'.split(
    ' ',
  ),
]);
// An entity left in text after the XML's own entities are decoded: escaped twice, or HTML.
const NAMED_ENTITY =
  /&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp|shy|mdash|ndash|hellip|laquo|raquo|lsquo|rsquo|ldquo|rdquo|bdquo|copy|reg|trade|euro|deg)\b/i;
const END_TAG = /<\/(\w+)>/g;

const RFC822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(?::\d\d)? (?:GMT|UT|Z|[+-]\d{4}|[ECMP][SD]T)$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DAY_MS = 86_400_000;

const kids = (node: XmlNode | undefined, local: string, ns = '') =>
  node?.children.filter((c) => c.local === local && c.ns === ns) ?? [];
const kid = (node: XmlNode | undefined, local: string, ns = '') => kids(node, local, ns)[0];
const textOf = (node: XmlNode | undefined) => node?.text.trim() ?? '';

/**
 * What the validator's HTML checks find in HTML content: elements outside its list
 * (SecurityRisk), event handler attributes (SecurityRiskAttr), any style attribute (stricter
 * than its CSS scrub: Tidings never writes one), script URLs (stricter too), and the relative
 * links and image sources it reports in RSS (ContainsRelRef).
 */
function htmlFindings(html: string): { rule: string; what: string }[] {
  const found: { rule: string; what: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!SAFE_ELEMENTS.has(name)) found.push({ rule: 'SecurityRisk', what: `<${name}>` });
        for (const [attribute, value] of Object.entries(attributes)) {
          const at = `<${name} ${attribute}="${value.slice(0, 60)}">`;
          if (attribute.startsWith('on')) found.push({ rule: 'SecurityRiskAttr', what: at });
          else if (attribute === 'style') found.push({ rule: 'DangerousStyleAttr', what: at });
          else if (['href', 'src', 'cite', 'action', 'formaction'].includes(attribute)) {
            // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore them in schemes.
            const url = value.replace(/[\u0000-\u0020]/g, '');
            if (/^(?:javascript|vbscript|data):/i.test(url))
              found.push({ rule: 'SecurityRisk', what: at });
            else if (
              ((name === 'a' && attribute === 'href') || (name === 'img' && attribute === 'src')) &&
              !/^\w+:/.test(value.trim())
            )
              found.push({ rule: 'ContainsRelRef', what: at });
          }
        }
      },
      onprocessinginstruction(name) {
        found.push({ rule: 'SecurityRisk', what: `<${name}>` });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** What the validator checks in every feed, whatever its format. */
class Checks {
  readonly problems: FeedProblem[] = [];

  error(rule: string, detail: string) {
    this.problems.push({ rule, level: 'error', detail });
  }

  warning(rule: string, detail: string) {
    this.problems.push({ rule, level: 'warning', detail });
  }

  namespaces(node: XmlNode, path: string) {
    for (const [prefix, uri] of node.declares) {
      if (uri !== '' && !KNOWN_NAMESPACES.has(uri) && !(prefix === '' && path === 'opml'))
        this.warning('UnknownNamespace', `${path}: xmlns${prefix ? `:${prefix}` : ''}="${uri}"`);
    }
    node.children.forEach((c, i) => {
      this.namespaces(c, `${path}/${c.qname}[${i + 1}]`);
    });
  }

  html(node: XmlNode | undefined, path: string, rss: boolean) {
    if (!node) return;
    for (const { rule, what } of htmlFindings(node.text))
      if (rule !== 'ContainsRelRef' || rss) this.warning(rule, `${path}: ${what}`);
  }

  /** Text that is not HTML (titles, categories): markup or entities left in it. */
  plainText(node: XmlNode | undefined, path: string, rss: boolean) {
    if (!node) return;
    const value = node.text;
    // Atom says what its text constructs hold, so HTML in one of type text is "undeclared".
    const rule = rss ? 'ContainsHTML' : 'ContainsUndeclaredHTML';
    const tag = [...value.matchAll(END_TAG)].find((m) => HTML_TAGS.has(m[1]?.toLowerCase() ?? ''));
    if (tag) this.warning(rule, `${path}: ${tag[0]}`);
    else if (NAMED_ENTITY.test(value)) this.warning(rule, `${path}: ${value.slice(0, 60)}`);
    else if (rss && /&#[x0-9]|<[/a-zA-Z]/.test(value))
      this.warning('CharacterData', `${path}: ${value.slice(0, 60)}`);
  }

  date(node: XmlNode | undefined, path: string, format: 'rfc822' | 'rfc3339') {
    if (!node) return;
    const value = textOf(node);
    if (!(format === 'rfc822' ? RFC822 : RFC3339).test(value)) {
      this.error(
        format === 'rfc822' ? 'InvalidRFC2822Date' : 'InvalidRFC3339Date',
        `${path}: ${value}`,
      );
      return;
    }
    const time = Date.parse(value);
    const weekday = /^([A-Z][a-z]{2}),/.exec(value)?.[1];
    if (weekday && new Date(time).toUTCString().slice(0, 3) !== weekday) {
      this.error('IncorrectDOW', `${path}: ${value}`);
      return;
    }
    if (time > Date.now() + DAY_MS || time < Date.UTC(1990, 0, 1))
      this.warning('ImplausibleDate', `${path}: ${value}`);
  }

  language(value: string | undefined, path: string) {
    if (value !== undefined && !LANGUAGE_TAG.test(value.trim()))
      this.error('InvalidLanguage', `${path}: ${value}`);
  }

  url(node: XmlNode | undefined, path: string) {
    if (node && !ABSOLUTE_URL.test(textOf(node)))
      this.error('InvalidURL', `${path}: ${textOf(node)}`);
  }

  required(parent: XmlNode, locals: readonly string[], path: string, ns = '') {
    for (const local of locals)
      if (textOf(kid(parent, local, ns)) === '') this.error('MissingElement', `${path}: ${local}`);
  }

  self(links: readonly XmlNode[], location: string, path: string, missingRule: string) {
    const self = links.find((l) => l.attrs.rel === 'self');
    if (!self) this.warning(missingRule, `${path}: no link rel="self"`);
    else if (self.attrs.href !== location)
      this.warning('SelfDoesntMatchLocation', `${path}: ${self.attrs.href} is not ${location}`);
  }
}

function checkRss(rss: XmlNode, location: string, c: Checks): void {
  const channel = kid(rss, 'channel');
  if (!channel) {
    c.error('MissingElement', 'rss: channel');
    return;
  }
  c.required(channel, ['title', 'link', 'description'], 'channel');
  c.url(kid(channel, 'link'), 'channel/link');
  c.url(kid(channel, 'docs'), 'channel/docs');
  c.language(kid(channel, 'language')?.text, 'channel/language');
  c.date(kid(channel, 'lastBuildDate'), 'channel/lastBuildDate', 'rfc822');
  c.date(kid(channel, 'pubDate'), 'channel/pubDate', 'rfc822');
  c.plainText(kid(channel, 'title'), 'channel/title', true);
  c.self(kids(channel, 'link', ATOM), location, 'channel', 'MissingAtomSelfLink');
  const image = kid(channel, 'image');
  if (image) {
    c.required(image, ['url', 'title', 'link'], 'channel/image');
    if (textOf(kid(image, 'title')) !== textOf(kid(channel, 'title')))
      c.warning('ImageTitleDoesntMatch', 'channel/image/title');
    if (textOf(kid(image, 'link')) !== textOf(kid(channel, 'link')))
      c.warning('ImageLinkDoesntMatch', 'channel/image/link');
    const extension = textOf(kid(image, 'url')).split('.').pop()?.toLowerCase() ?? '';
    if (/^\w+$/.test(extension) && !['jpg', 'jpeg', 'gif', 'png'].includes(extension))
      c.warning('ImageUrlFormat', `channel/image/url: .${extension}`);
  }
  const guids = new Set<string>();
  kids(channel, 'item').forEach((item, i) => {
    const path = `channel/item[${i + 1}]`;
    const title = kid(item, 'title');
    const description = kid(item, 'description');
    if (textOf(title) === '' && textOf(description) === '')
      c.error('ItemMustContainTitleOrDescription', path);
    c.plainText(title, `${path}/title`, true);
    c.url(kid(item, 'link'), `${path}/link`);
    c.date(kid(item, 'pubDate'), `${path}/pubDate`, 'rfc822');
    c.language(kid(item, 'language', DC)?.text, `${path}/dc:language`);
    for (const category of kids(item, 'category')) c.plainText(category, `${path}/category`, true);
    const guid = kid(item, 'guid');
    if (!guid) c.warning('MissingGuid', path);
    else {
      const value = textOf(guid);
      if (guids.has(value)) c.error('DuplicateValue', `${path}/guid: ${value}`);
      guids.add(value);
      if (guid.attrs.isPermaLink !== 'false' && !/^https?:\/\/\S+$/.test(value))
        c.error('InvalidPermalink', `${path}/guid: ${value}`);
    }
    c.html(description, `${path}/description`, true);
    const encoded = kid(item, 'encoded', CONTENT);
    c.html(encoded, `${path}/content:encoded`, true);
    if (
      encoded &&
      description &&
      item.children.indexOf(encoded) < item.children.indexOf(description)
    )
      c.warning('NeedDescriptionBeforeContent', path);
  });
}

const ATOM_FEED_CHILDREN = new Set(
  'author category contributor generator icon id link logo rights subtitle title updated entry'.split(
    ' ',
  ),
);
const ATOM_ENTRY_CHILDREN = new Set(
  'author category content contributor id link published rights source summary title updated'.split(
    ' ',
  ),
);

function checkAtomLinks(links: readonly XmlNode[], path: string, c: Checks): void {
  const seen = new Set<string>();
  for (const link of links) {
    const rel = link.attrs.rel ?? 'alternate';
    if (!ATOM_RELS.has(rel) && !ABSOLUTE_URL.test(rel))
      c.warning('UnregisteredAtomLinkRel', `${path}/link: ${rel}`);
    if (!link.attrs.href) c.error('MissingAttribute', `${path}/link: href`);
    c.language(link.attrs.hreflang, `${path}/link/@hreflang`);
    if (rel === 'alternate') {
      const key = `${link.attrs.type ?? ''}|${link.attrs.hreflang ?? ''}`;
      if (seen.has(key)) c.error('DuplicateAtomLink', `${path}/link: ${key}`);
      seen.add(key);
    }
  }
}

function checkAtom(feed: XmlNode, location: string, c: Checks): void {
  c.required(feed, ['id', 'title', 'updated'], 'feed', ATOM);
  c.date(kid(feed, 'updated', ATOM), 'feed/updated', 'rfc3339');
  c.language(feed.attrs['xml:lang'], 'feed/@xml:lang');
  const links = kids(feed, 'link', ATOM);
  c.self(links, location, 'feed', 'MissingSelf');
  checkAtomLinks(links, 'feed', c);
  for (const child of feed.children)
    if (child.ns === ATOM && !ATOM_FEED_CHILDREN.has(child.local))
      c.error('UndefinedElement', `feed/${child.local}`);
  const feedAuthor = kid(feed, 'author', ATOM) !== undefined;
  const ids = new Set<string>();
  const updated = new Set<string>();
  kids(feed, 'entry', ATOM).forEach((entry, i) => {
    const path = `feed/entry[${i + 1}]`;
    c.required(entry, ['id', 'title', 'updated'], path, ATOM);
    for (const child of entry.children)
      if (child.ns === ATOM && !ATOM_ENTRY_CHILDREN.has(child.local))
        c.error('UndefinedElement', `${path}/${child.local}`);
    c.date(kid(entry, 'updated', ATOM), `${path}/updated`, 'rfc3339');
    c.date(kid(entry, 'published', ATOM), `${path}/published`, 'rfc3339');
    c.language(entry.attrs['xml:lang'], `${path}/@xml:lang`);
    if (!feedAuthor && !kid(entry, 'author', ATOM)) c.error('MissingElement', `${path}: author`);
    const id = textOf(kid(entry, 'id', ATOM));
    if (ids.has(id)) c.warning('DuplicateEntries', `${path}: ${id}`);
    ids.add(id);
    const when = textOf(kid(entry, 'updated', ATOM));
    if (updated.has(when)) c.warning('DuplicateUpdated', `${path}: ${when}`);
    updated.add(when);
    const entryLinks = kids(entry, 'link', ATOM);
    checkAtomLinks(entryLinks, path, c);
    const content = kid(entry, 'content', ATOM);
    const summary = kid(entry, 'summary', ATOM);
    if (!content && !entryLinks.some((l) => (l.attrs.rel ?? 'alternate') === 'alternate'))
      c.error('MissingAlternateLink', path);
    if (!content && !summary) c.warning('MissingTextualContent', path);
    for (const [node, name] of [
      [content, 'content'],
      [summary, 'summary'],
      [kid(entry, 'title', ATOM), 'title'],
    ] as const) {
      if (!node) continue;
      const type = node.attrs.type ?? 'text';
      if (type === 'html') c.html(node, `${path}/${name}`, false);
      else if (type === 'text') c.plainText(node, `${path}/${name}`, false);
    }
  });
}

function checkOpml(opml: XmlNode, c: Checks): void {
  const body = kid(opml, 'body');
  if (!body || kids(body, 'outline').length === 0) c.error('MissingElement', 'opml/body/outline');
  const walk = (node: XmlNode, path: string) => {
    kids(node, 'outline').forEach((outline, i) => {
      const at = `${path}/outline[${i + 1}]`;
      const { attrs } = outline;
      if (attrs.text === undefined) c.error('MissingAttribute', `${at}: text`);
      const type = attrs.type?.toLowerCase();
      if (type === 'rss') {
        if (!attrs.xmlUrl) c.warning('MissingXmlURL', at);
        if (!attrs.title) c.warning('MissingTitleAttr', at);
      }
      if (
        attrs.version !== undefined &&
        !['RSS', 'RSS1', 'RSS2', 'scriptingNews'].includes(attrs.version)
      )
        c.warning('InvalidOutlineVersion', `${at}: ${attrs.version}`);
      const described = ['description', 'htmlUrl', 'language', 'title', 'version', 'xmlUrl'];
      if (type === undefined && described.some((a) => attrs[a] !== undefined))
        c.warning('MissingOutlineType', at);
      walk(outline, at);
    });
  };
  if (body) walk(body, 'opml/body');
}

/**
 * Checks a feed (RSS 2.0, Atom 1.0 or OPML 2.0) against the rules of the W3C feed validator
 * (validator.w3.org/feed) that can apply to what Tidings writes, and names each problem by the
 * validator's own message (`MissingSelf`, `SecurityRisk`, `ImageTitleDoesntMatch`…), error or
 * warning as the validator ranks it. `location` is the URL the feed is served at, which its
 * self link must name. Not the whole validator: the rules for elements Tidings never writes
 * (iTunes, Media RSS, KML…) are left out.
 *
 * @example
 * w3cFeedRules(await res.text(), 'https://news.example.org/feeds/uk/rss.xml'); // []
 */
export function w3cFeedRules(body: string, location: string): FeedProblem[] {
  const c = new Checks();
  const wellFormed = XMLValidator.validate(body);
  if (wellFormed !== true) {
    c.error('NotWellFormed', wellFormed.err.msg);
    return c.problems;
  }
  const root = xmlTree(body).children[0];
  if (!root) {
    c.error('NotWellFormed', 'no root element');
    return c.problems;
  }
  c.namespaces(root, root.qname);
  if (root.local === 'rss' && root.ns === '') checkRss(root, location, c);
  else if (root.local === 'feed' && root.ns === ATOM) checkAtom(root, location, c);
  else if (root.local === 'opml' && root.ns === '') checkOpml(root, c);
  else c.error('UnsupportedFeedType', `${root.qname} in "${root.ns}"`);
  return c.problems;
}
