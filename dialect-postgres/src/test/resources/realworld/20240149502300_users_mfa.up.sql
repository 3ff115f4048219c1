ALTER TABLE users ADD COLUMN mfa_secret bytea, ADD COLUMN mfa_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_mfa_secret_present CHECK (NOT mfa_enabled OR mfa_secret IS NOT NULL);
