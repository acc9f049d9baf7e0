-- Why a language version was held for review (or what was repaired), as data: a JSON array of
-- reasons, each a code, its fields and the segment it is about, so the API and the desk say it
-- in the reader's or editor's language. Kept with every version and with the live row, beside
-- the English `reason` text (all that versions from older workers have). Runs unchanged on
-- PGlite and PostgreSQL.
ALTER TABLE translation_versions ADD COLUMN reasons jsonb;
ALTER TABLE translations ADD COLUMN reasons jsonb;
