-- The readers' side: each language version's own slug, permanent feed ids, and categories
-- that outlive their last article. Runs unchanged on PGlite and PostgreSQL.

-- A language version's slug, derived from its translated title when it first goes live and
-- never changed afterwards. Versions live before this migration keep the address they were
-- published under, the article's slug; a version not yet live is reached by that slug too.
ALTER TABLE translations ADD COLUMN slug text;
UPDATE translations t SET slug = a.slug
  FROM articles a
 WHERE a.id = t.article_id AND t.published_at IS NOT NULL;
CREATE UNIQUE INDEX translations_language_slug_key ON translations (language, slug)
  WHERE slug IS NOT NULL;

-- Feed entries live before this migration keep the id feed readers already hold (the API
-- URL of the version); later ones get a tag: URI. Changing an id would show every reader
-- each of those entries twice.
ALTER TABLE translations ADD COLUMN legacy_entry_id boolean NOT NULL DEFAULT false;
UPDATE translations SET legacy_entry_id = true WHERE published_at IS NOT NULL;

-- Every category ever published in a language, under its own slug in that language. A
-- category's feed stays (empty) after its last article is retracted, rather than vanishing.
CREATE TABLE categories (
  language text NOT NULL CHECK (language IN ('en', 'es', 'de', 'fr', 'it', 'uk')),
  slug text NOT NULL CHECK (slug <> ''),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (language, slug)
);
