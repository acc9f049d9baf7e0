-- Retries (POST /v1/articles/{id}/{lang}/retry): a fresh machine translation of a revision
-- already translated once. Runs unchanged on PGlite and PostgreSQL.

-- How many retries of the current revision were asked for (0: none, the first translation).
-- A retry gets its own job, and its result its own version, so a retry never collides with
-- the attempt it replaces; a new revision starts again from 0.
ALTER TABLE translations ADD COLUMN retry integer NOT NULL DEFAULT 0 CHECK (retry >= 0);
ALTER TABLE translation_requests ADD COLUMN retry integer NOT NULL DEFAULT 0 CHECK (retry >= 0);
ALTER TABLE translation_versions ADD COLUMN retry integer NOT NULL DEFAULT 0 CHECK (retry >= 0);

-- One machine version per revision and retry: a second delivery of one result is still
-- recognised, and a retry's result is kept beside the first one's.
DROP INDEX translation_versions_machine_key;
CREATE UNIQUE INDEX translation_versions_machine_key
  ON translation_versions (article_id, language, revision, retry)
  WHERE origin = 'machine';
