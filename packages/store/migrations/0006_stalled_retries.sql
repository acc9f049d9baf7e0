-- Automatic retries of a job that BullMQ failed for stalling too often (its workers died or
-- lost Redis while holding it): the API translates it again as a fresh job, up to
-- STALLED_RETRIES times per revision. Runs unchanged on PGlite and PostgreSQL.

-- How many of those the current revision had; a new revision, or a retry asked for by a
-- person, starts again from 0.
ALTER TABLE translations ADD COLUMN stalled_retries integer NOT NULL DEFAULT 0
  CHECK (stalled_retries >= 0);
