ALTER TABLE teams DROP COLUMN logo_attachment_id;
