import { escapeHtml } from '@tidings/feed';
import { translatorFor } from '@tidings/i18n';
import { Hono } from 'hono';
import { requestLanguage } from '../preferred-language.ts';
import { PROBLEMS, type ProblemCode } from '../problem.ts';

const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEMS, code);

/**
 * `/docs/problems/{code}`: the short page each problem `type` URI resolves to, what the problem
 * means and what to do, in the language the reader asks for (`Accept-Language`, English by
 * default). An unknown code is a 404 problem.
 *
 * @example
 * app.route('/', problemPages());
 */
export function problemPages(): Hono {
  const app = new Hono();
  app.get('/docs/problems/:code', (c) => {
    const code = c.req.param('code');
    if (!isProblemCode(code)) return c.notFound();
    const lang = requestLanguage(c);
    const t = translatorFor(lang);
    const title = t(`errors:problem.${code}.title`);
    const page = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(t('errors:page.heading', { title }))}</h1>
<p>${escapeHtml(t('errors:page.status', { status: PROBLEMS[code] }))}</p>
<p>${escapeHtml(t(`errors:problem.${code}.about`))}</p>
<p><a href="/docs">${escapeHtml(t('errors:page.back'))}</a></p>
</main>
</body>
</html>
`;
    return c.html(page, 200, { 'content-language': lang, vary: 'accept-language' });
  });
  return app;
}
