const page = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});
const seeOther = (description: string) => ({ description, headers: {} });
const form = (properties: Record<string, object>, required: readonly string[] = []) => ({
  required: true,
  content: {
    'application/x-www-form-urlencoded': {
      schema: {
        type: 'object',
        properties: {
          _csrf: { type: 'string', description: "The page's CSRF token." },
          ...properties,
        },
        required: ['_csrf', ...required],
      },
    },
  },
});
const deskSession = [{ deskSession: [] }];
const articleId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const languageCode = { name: 'lang', in: 'path', required: true, schema: { type: 'string' } };
const actionRefused = {
  '403': page('Sent from another origin, without a valid CSRF token, or by a key of another role.'),
  '404': page('No such article or language.'),
  '409': page(
    'Not possible now, or the language changed since the page was opened; the page says why.',
  ),
  '422': page('The correction is not valid; the page says why.'),
};
const languageAction = (action: string, summary: string, fields: Record<string, object> = {}) => ({
  [`/desk/articles/{id}/{lang}/${action}`]: {
    post: {
      summary,
      security: deskSession,
      parameters: [articleId, languageCode],
      requestBody: form({
        seen: { type: 'string', description: 'What the page showed.' },
        ...fields,
      }),
      responses: { '303': seeOther('Done: to the article page.'), ...actionRefused },
    },
  },
});
const refused = { '403': page('Sent from another origin, or without a valid CSRF token.') };
const signIn = { '303': seeOther('Without a session: to /desk/sign-in?next=….') };

/**
 * The editor's desk (`/desk/…`) in the OpenAPI document: HTML pages and form posts for
 * people, signed in with a session cookie; listed so that every route the API serves is.
 *
 * @example
 * paths: { ...apiPaths, ...DESK_PATHS }
 */
export const DESK_PATHS = {
  '/desk': {
    get: { summary: 'Redirects to /desk/', responses: { '301': seeOther('To /desk/.') } },
  },
  '/desk/': {
    get: {
      summary: "The editor's desk: the queue, by state, language and title words, newest first",
      description:
        'A page for people. A publisher session sees its own articles only. Query: `status`, `language`, `q`, `cursor` as `GET /v1/articles` takes them.',
      security: deskSession,
      responses: {
        '200': page('The queue, its version as a weak `ETag`.'),
        '304': {
          description:
            "The queue shows nothing new since the version in `If-None-Match` (the page's script polls so).",
        },
        '400': page('A filter is not valid; the page says which.'),
        ...signIn,
      },
    },
  },
  '/desk/sign-in': {
    get: {
      summary: 'The desk sign-in form',
      responses: {
        '200': page('The form.'),
        '303': seeOther('Already signed in: to `next`.'),
      },
    },
    post: {
      summary: 'Signs in to the desk with an API key, starting a session cookie',
      requestBody: form(
        {
          key: { type: 'string', description: 'An API key, tdg_…' },
          next: { type: 'string', description: 'A /desk/ path to go to afterwards.' },
        },
        ['key'],
      ),
      responses: {
        '303': seeOther('Signed in: to `next`, with the session cookie.'),
        '400': page('No key, or not a key.'),
        '401': page('An unknown or revoked key.'),
        ...refused,
      },
    },
  },
  '/desk/sign-out': {
    post: {
      summary: 'Ends the desk session in this browser',
      requestBody: form({}),
      responses: { '303': seeOther('To /desk/sign-in.'), ...refused },
    },
  },
  '/desk/language': {
    post: {
      summary: "Sets the desk's interface language, remembered in a cookie",
      requestBody: form(
        {
          language: { type: 'string', enum: ['en', 'es', 'de', 'fr', 'it', 'uk'] },
          next: { type: 'string' },
        },
        ['language'],
      ),
      responses: { '303': seeOther('Back to `next`.'), ...refused },
    },
  },
  '/desk/glossary': {
    get: {
      summary:
        'The glossary page: every term, who changed it last and when, and the history of changes',
      description:
        'A page for people. Query: `term` fills the form with that term to change it; `before` shows the history of changes older than that version.',
      security: deskSession,
      responses: {
        '200': page('The glossary.'),
        '403': page('A publisher session.'),
        ...signIn,
      },
    },
    post: {
      summary: 'Adds or changes a glossary term (as PUT /v1/glossary/{term})',
      security: deskSession,
      requestBody: form(
        {
          source: { type: 'string' },
          from: { type: 'string' },
          'translation-{lang}': { type: 'string' },
          caseSensitive: { type: 'string', enum: ['true'] },
        },
        ['source'],
      ),
      responses: {
        '303': seeOther('Saved: to the glossary page.'),
        '400': page('The form with its errors.'),
        ...refused,
      },
    },
  },
  '/desk/glossary/remove': {
    post: {
      summary: 'Removes a glossary term (as DELETE /v1/glossary/{term})',
      security: deskSession,
      requestBody: form({ source: { type: 'string' } }, ['source']),
      responses: { '303': seeOther('Removed: to the glossary page.'), ...refused },
    },
  },
  '/desk/assets/desk.css': {
    get: {
      summary: "The desk's style sheet",
      responses: {
        '200': { description: 'CSS.', content: { 'text/css': { schema: { type: 'string' } } } },
      },
    },
  },
  '/desk/assets/article-editor.js': {
    get: {
      summary:
        "The article page's script (progressive enhancement: the correction form's rich-text editor)",
      responses: {
        '200': {
          description: 'JavaScript.',
          content: { 'text/javascript': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/desk/assets/desk.js': {
    get: {
      summary: "The desk's script (progressive enhancement: live queue)",
      responses: {
        '200': {
          description: 'JavaScript.',
          content: { 'text/javascript': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/desk/articles/{id}': {
    get: {
      summary: 'An article on the desk: the source and chosen languages side by side',
      description:
        'A page for people. Query: `lang` (repeatable) the languages shown, `edit` the one being corrected. A publisher session opens its own articles only (404 otherwise).',
      security: deskSession,
      parameters: [articleId],
      responses: {
        '200': page('The article page.'),
        '404': page('No such article, or another publisher’s.'),
        ...signIn,
      },
    },
  },
  '/desk/articles/{id}/retract': {
    get: {
      summary: 'Asks to confirm retracting an article',
      security: deskSession,
      parameters: [articleId],
      responses: { '200': page('The confirmation.'), '404': page('No such article.'), ...signIn },
    },
    post: {
      summary: 'Retracts an article (as DELETE /v1/articles/{id})',
      security: deskSession,
      parameters: [articleId],
      requestBody: form({}),
      responses: { '303': seeOther('Retracted: to the article page.'), ...actionRefused },
    },
  },
  '/desk/articles/{id}/retry': {
    post: {
      summary: 'Translates failed and held languages again (as POST /v1/articles/{id}/retry)',
      security: deskSession,
      parameters: [articleId],
      requestBody: form({}),
      responses: { '303': seeOther('Queued: to the article page.'), ...actionRefused },
    },
  },
  ...languageAction(
    'approve',
    'Publishes a held draft as it is (as POST /v1/articles/{id}/{lang}/approve)',
  ),
  ...languageAction(
    'edit',
    'Publishes an editor’s correction (as PUT /v1/articles/{id}/{lang}; a held draft is approved with it)',
    {
      title: { type: 'string' },
      summary: { type: 'string' },
      imageAlt: { type: 'string' },
      categories: { type: 'string', description: 'The categories as a JSON array.' },
      'block-0': {
        type: 'string',
        description: 'Each block of the body, `block-0`, `block-1`…, as HTML.',
      },
    },
  ),
  ...languageAction(
    'take-draft',
    'Makes a stale language’s fresh machine draft the editor’s version',
  ),
  ...languageAction(
    'retry',
    'Translates one language again (as POST /v1/articles/{id}/{lang}/retry)',
  ),
};
