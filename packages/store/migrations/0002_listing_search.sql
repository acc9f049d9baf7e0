-- The review queue and listing (GET /v1/articles): titles searched without regard to case or
-- accents. The key is computed by the store in JavaScript (Unicode NFD without combining marks,
-- lower case), the same way on both back ends; rows written before this migration get theirs
-- when the store opens (see backfill-title-keys.ts).
ALTER TABLE translations ADD COLUMN title_key text;

-- The listing pages by when an article last changed, newest first.
CREATE INDEX articles_updated_idx ON articles (updated_at DESC, id DESC);
