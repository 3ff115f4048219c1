-- Migration: 0064
-- Description: index email outbox sent ix and more
-- Author: chloe
-- Date: 2023-12-07

-- === UP MIGRATION ===
-- Ticket SHOP-744.
CREATE INDEX email_outbox_sent_ix ON email_outbox (sent_at);
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS weight_grams INT UNSIGNED NULL;

-- === DOWN MIGRATION ===
ALTER TABLE shipments DROP COLUMN weight_grams;
DROP INDEX email_outbox_sent_ix ON email_outbox;
