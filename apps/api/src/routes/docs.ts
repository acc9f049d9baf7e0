import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LanguageCode } from '@tidings/core';
import { Hono } from 'hono';
import { openApiDocument } from '../openapi/openapi-document.ts';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const asset = (file: string) => readFileSync(join(swaggerDir, file));

// Swagger UI's files ship in the swagger-ui-dist package: the page works without network,
// and its initializer is a file of its own so the page needs no inline script.
const ASSETS: Record<string, { body: Buffer | string; type: string }> = {
  'swagger-ui.css': { body: asset('swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    body: asset('swagger-ui-bundle.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'init.js': {
    body: "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });\n",
    type: 'text/javascript; charset=utf-8',
  },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tidings API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
`;

/**
 * `/openapi.json` (OpenAPI 3.1, generated from the routes' zod schemas; its language enums
 * list the `languages` served, all six when not given) and `/docs`, a page that reads it.
 *
 * @example
 * app.route('/', docsRoutes('https://news.example.org', ['en', 'uk']));
 */
export function docsRoutes(serverUrl: string, languages?: readonly LanguageCode[]): Hono {
  const app = new Hono();
  const document = JSON.stringify(openApiDocument(serverUrl, languages));
  app.get('/openapi.json', (c) =>
    c.body(document, 200, { 'content-type': 'application/json; charset=utf-8' }),
  );
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/assets/:file', (c) => {
    const found = ASSETS[c.req.param('file')];
    if (!found) return c.notFound();
    return c.body(new Uint8Array(Buffer.from(found.body)), 200, {
      'content-type': found.type,
      'cache-control': 'public, max-age=86400',
    });
  });
  return app;
}
