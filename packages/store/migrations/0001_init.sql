-- Tidings schema, version 1. Runs unchanged on PGlite and PostgreSQL (15 or newer):
-- no extensions, no schema-qualified names (tests and deployments may set search_path),
-- JSON as jsonb and timestamps as timestamptz so both back ends return the same JS types.

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('publisher', 'editor', 'admin')),
  -- Hex SHA-256 of the bearer token; the token itself is never stored.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  publisher_key_id uuid NOT NULL REFERENCES api_keys (id),
  external_id text,
  source_language text NOT NULL CHECK (source_language IN ('en', 'es', 'de', 'fr', 'it', 'uk')),
  slug text NOT NULL,
  current_revision integer NOT NULL DEFAULT 1 CHECK (current_revision >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  retracted_at timestamptz,
  CONSTRAINT articles_slug_key UNIQUE (slug),
  -- NULL external ids are distinct, so articles posted without one never collide.
  CONSTRAINT articles_external_id_key UNIQUE (publisher_key_id, external_id)
);

CREATE TABLE revisions (
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision integer NOT NULL CHECK (revision >= 1),
  publisher_key_id uuid NOT NULL REFERENCES api_keys (id),
  title text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL,
  categories jsonb NOT NULL DEFAULT '[]'::jsonb,
  image_url text,
  image_alt text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, revision)
);

-- The current state of each language version: one row per (article, language).
-- `revision` is the source revision this language is expected to match; the live_*
-- columns hold what readers see (NULL until a version is first published), which may
-- still come from an older revision while a re-translation is under way.
CREATE TABLE translations (
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language IN ('en', 'es', 'de', 'fr', 'it', 'uk')),
  revision integer NOT NULL,
  status text NOT NULL CHECK (
    status IN ('queued', 'translating', 'published', 'failed', 'needs_review', 'edited', 'stale')
  ),
  title text,
  summary text,
  body text,
  categories jsonb,
  image_alt text,
  content_revision integer,
  model text,
  reason text,
  edited_by uuid REFERENCES api_keys (id),
  queued_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  published_at timestamptz,
  content_updated_at timestamptz,
  PRIMARY KEY (article_id, language)
);

-- Every version ever made of a language: machine results (at most one per revision,
-- which is what makes recording a result idempotent) and editors' corrections.
CREATE TABLE translation_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  language text NOT NULL,
  revision integer NOT NULL,
  origin text NOT NULL CHECK (origin IN ('machine', 'editor')),
  status text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL,
  categories jsonb NOT NULL,
  image_alt text,
  model text,
  reason text,
  edited_by uuid REFERENCES api_keys (id),
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX translation_versions_machine_key
  ON translation_versions (article_id, language, revision)
  WHERE origin = 'machine';

CREATE INDEX translation_versions_article_idx
  ON translation_versions (article_id, language, id);

-- The outbox: one request per (article, revision, target language), written in the
-- same transaction as the revision, so that no translation is ever forgotten.
CREATE TABLE translation_requests (
  article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  language text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'enqueued', 'done')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  enqueued_at timestamptz,
  done_at timestamptz,
  PRIMARY KEY (article_id, revision, language)
);

-- The reconciler only ever looks at unfinished requests; keep that index small.
CREATE INDEX translation_requests_unfinished_idx
  ON translation_requests (state, created_at)
  WHERE state <> 'done';

-- Feeds and pages: newest live versions of one language, keyset-paginated (read backwards).
CREATE INDEX translations_live_idx
  ON translations (language, published_at, article_id)
  WHERE published_at IS NOT NULL;

CREATE INDEX translations_categories_idx
  ON translations USING gin (categories jsonb_path_ops);
