ALTER TABLE teams ADD COLUMN billing_email TEXT CHECK (billing_email IS NULL OR billing_email LIKE '%_@_%');
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE teams SET billing_email = (SELECT email FROM users WHERE users.id = teams.owner_id);
