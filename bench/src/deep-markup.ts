import { apiHarness } from '@tidings/api/testing';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { median } from './measure.ts';

/** `<p>` around `depth` nested inline elements (b, i, em in turn) around a sentence. */
function nestedArticle(depth: number): string {
  const tags = ['b', 'i', 'em'];
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const tag = tags[i % 3];
    open += `<${tag}>`;
    close = `</${tag}>${close}`;
  }
  return `<p>${open}Ukraine joins the JEF as an extended partner.${close}</p>`;
}

/** Flat paragraphs of short inline elements, as long as `chars`. */
function flatArticle(chars: number): string {
  const unit = '<p>Ukraine <b>joins</b> the <i>JEF</i> as an <em>extended</em> partner.</p>';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars - (chars % unit.length));
}

/**
 * Accepting and rendering the 30,000-deep nested-inline article of the hardening issue
 * against a flat article of the same size: `POST /v1/articles`, then its page and the first
 * render of its language's RSS feed, in process through the real app and store; median of
 * `runs`. Nesting deeper than MAX_MARKUP_DEPTH is flattened at intake, so the ratio should
 * stay near 1 (the target is ≤ 3). The page-render rows are the longest time one view
 * holds the event loop.
 *
 * @example
 * const rows = await deepMarkup({ runs: 3 }, console.log);
 */
export async function deepMarkup(
  options: { runs: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const section = 'deep';
  const deep = nestedArticle(30_000);
  const flat = flatArticle(deep.length);
  const h = await apiHarness({ bodyLimitBytes: 4 * 1024 * 1024, maxArticleChars: 2_000_000 });
  try {
    const measure = async (kind: string, body: string, run: number) => {
      const t0 = performance.now();
      const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
        title: `${kind} ${run}`,
        body,
        language: 'en',
      });
      if (res.status !== 201) throw new Error(`POST ${kind} answered ${res.status}`);
      const { id } = (await res.json()) as { id: string };
      const t1 = performance.now();
      const { slug } = await h.store.getArticle(id);
      const t2 = performance.now();
      const page = await h.app.request(`/en/articles/${slug}`);
      await page.arrayBuffer();
      const t3 = performance.now();
      const feed = await h.app.request('/feeds/en/rss.xml');
      await feed.arrayBuffer();
      const t4 = performance.now();
      if (page.status !== 200 || feed.status !== 200) {
        throw new Error(`${kind}: page ${page.status}, feed ${feed.status}`);
      }
      return { accept: t1 - t0, page: t3 - t2, feed: t4 - t3, total: t1 - t0 + (t4 - t2) };
    };
    const results: Record<
      string,
      { accept: number[]; page: number[]; feed: number[]; total: number[] }
    > = {
      deep: { accept: [], page: [], feed: [], total: [] },
      flat: { accept: [], page: [], feed: [], total: [] },
    };
    for (let run = 0; run < options.runs; run++) {
      for (const [kind, body] of [
        ['deep', deep],
        ['flat', flat],
      ] as const) {
        const r = await measure(kind, body, run);
        for (const k of ['accept', 'page', 'feed', 'total'] as const) results[kind]?.[k].push(r[k]);
        progress(
          `  ${kind} run ${run + 1}: accept ${r.accept.toFixed(0)} ms, page ${r.page.toFixed(0)} ms, rss ${r.feed.toFixed(0)} ms`,
        );
      }
    }
    const m = (kind: string, k: 'accept' | 'page' | 'feed' | 'total') =>
      median(results[kind]?.[k] ?? []);
    const size = `${(deep.length / 1000).toFixed(0)} k characters each`;
    return [
      ...(['deep', 'flat'] as const).flatMap((kind) =>
        (['accept', 'page', 'feed'] as const).map((k) => ({
          section,
          name: `${kind === 'deep' ? '30,000-deep' : 'flat'} article: ${{ accept: 'POST', page: 'page render', feed: 'first rss.xml' }[k]}`,
          value: m(kind, k),
          unit: 'ms',
          note: `${size}; median of ${options.runs}`,
        })),
      ),
      ratioRow(
        section,
        'accept+render, 30,000-deep / flat of the same size',
        m('deep', 'total') / m('flat', 'total'),
        { op: '<=', value: 3 },
        size,
      ),
    ];
  } finally {
    await h.close();
  }
}
