-- keel:irreversible avatars moved to the attachments service; the URLs are not kept
-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE users DROP COLUMN avatar_url;
