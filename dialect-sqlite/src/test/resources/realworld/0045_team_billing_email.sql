ALTER TABLE teams ADD COLUMN billing_email TEXT CHECK (billing_email IS NULL OR billing_email LIKE '%_@_%');
UPDATE teams SET billing_email = (SELECT email FROM users WHERE users.id = teams.owner_id);
