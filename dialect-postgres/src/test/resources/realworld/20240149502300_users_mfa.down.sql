ALTER TABLE users DROP CONSTRAINT users_mfa_secret_present;
ALTER TABLE users DROP COLUMN mfa_enabled, DROP COLUMN mfa_secret;
