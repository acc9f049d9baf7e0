-- An editor's version has no start time: no model made it, and it finished when the editor
-- saved it. Before, a correction (or a draft approved with an edit) kept the start of the
-- machine translation it replaced, so its start and finish read as hours of translating. The
-- live rows written so (an editor's version is the one with `edited_by`) lose that start; the
-- kept versions never had one. Runs unchanged on PGlite and PostgreSQL.
UPDATE translations SET started_at = NULL WHERE edited_by IS NOT NULL AND started_at IS NOT NULL;
