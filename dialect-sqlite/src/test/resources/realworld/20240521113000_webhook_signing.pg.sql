ALTER TABLE webhooks ADD COLUMN signing text NOT NULL DEFAULT 'hmac-sha256';
ALTER TABLE webhooks ADD CONSTRAINT webhooks_signing CHECK (signing IN ('hmac-sha256', 'none'));
