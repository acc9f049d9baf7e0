-- The last numeric suffix handed out for each base a slug is derived from ("live-updates"
-- -> 12 once live-updates-12 is taken; 1 is the base itself), so the next slug of a common
-- headline is one indexed row to bump and one slug to check, not a search through every
-- slug that begins with the base, which grew with each story under the same title. Slugs
-- stored before this table are found when a base is first counted (see freeSlug). Runs
-- unchanged on PGlite and PostgreSQL.
CREATE TABLE slug_bases (
  base text PRIMARY KEY,
  last integer NOT NULL CHECK (last >= 1)
);
