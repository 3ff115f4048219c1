-- SQLite-only variant named with the sqlite3 alias; there is no generic file for this version.
ALTER TABLE webhooks ADD COLUMN signing TEXT NOT NULL DEFAULT 'hmac-sha256' CHECK (signing IN ('hmac-sha256', 'none'));
