import { Parser } from 'htmlparser2';

/** One XML element with its namespace resolved, for the feed rules to walk. */
export interface XmlNode {
  /** The name as written (`atom:link`). */
  readonly qname: string;
  /** The local name (`link`). */
  readonly local: string;
  /** The namespace URI the prefix resolves to in scope ('' for none). */
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** The element's own text, entities decoded (the text of its children not included). */
  text: string;
  /** Namespaces declared on this element: prefix ('' for the default) to URI. */
  readonly declares: ReadonlyMap<string, string>;
}

/**
 * Parses well-formed XML into a tree of {@link XmlNode}s with namespaces resolved, as the
 * feed validator's SAX handlers see it. Callers check well-formedness first.
 *
 * @example
 * xmlTree('<rss version="2.0"><channel/></rss>').children[0]?.local; // 'channel'
 */
export function xmlTree(xml: string): XmlNode {
  const root: XmlNode = {
    qname: '#document',
    local: '#document',
    ns: '',
    attrs: {},
    children: [],
    text: '',
    declares: new Map(),
  };
  const stack: { node: XmlNode; scope: ReadonlyMap<string, string> }[] = [
    {
      node: root,
      scope: new Map([
        ['', ''],
        ['xml', 'http://www.w3.org/XML/1998/namespace'],
      ]),
    },
  ];
  const parser = new Parser(
    {
      onopentag(qname, attrs) {
        const parent = stack[stack.length - 1];
        if (!parent) return;
        const declares = new Map<string, string>();
        for (const [name, value] of Object.entries(attrs)) {
          if (name === 'xmlns') declares.set('', value);
          else if (name.startsWith('xmlns:')) declares.set(name.slice(6), value);
        }
        const scope = new Map([...parent.scope, ...declares]);
        const colon = qname.indexOf(':');
        const prefix = colon < 0 ? '' : qname.slice(0, colon);
        const node: XmlNode = {
          qname,
          local: colon < 0 ? qname : qname.slice(colon + 1),
          ns: scope.get(prefix) ?? '',
          attrs,
          children: [],
          text: '',
          declares,
        };
        parent.node.children.push(node);
        stack.push({ node, scope });
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.node.text += text;
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}
