-- Reviewed by ops; run at low traffic.
ALTER TABLE gift_cards ADD COLUMN IF NOT EXISTS issued_to BIGINT UNSIGNED NULL;
