ALTER TABLE teams ADD COLUMN logo_attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL;
