-- Where each segment of a language version came from (an editor, an editor's earlier wording
-- in the translation memory, the memory's machine entry, a model), kept with every version
-- and with what readers see. And the memory's lessons: an editor's correction or approval is
-- committed with a lesson row, which the API deletes once the translation memory (Redis) has
-- learnt it; one left behind (Redis was down) is taught again by the API's reconciler. Runs
-- unchanged on PGlite and PostgreSQL.
ALTER TABLE translation_versions ADD COLUMN segment_origins jsonb;
ALTER TABLE translations ADD COLUMN segment_origins jsonb;

CREATE TABLE memory_lessons (
  version_id bigint PRIMARY KEY REFERENCES translation_versions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
