-- Approvals (POST /v1/articles/{id}/{lang}/approve): an editor publishes a draft held for
-- review, as it is or with an edit; who approved it and when is kept with the version and
-- with what readers see. Runs unchanged on PGlite and PostgreSQL.
ALTER TABLE translation_versions ADD COLUMN approved_by uuid REFERENCES api_keys (id);
ALTER TABLE translation_versions ADD COLUMN approved_at timestamptz;
ALTER TABLE translations ADD COLUMN approved_by uuid REFERENCES api_keys (id);
ALTER TABLE translations ADD COLUMN approved_at timestamptz;
