-- keel:irreversible avatars moved to the attachments service; the URLs are not kept
ALTER TABLE users DROP COLUMN avatar_url;
