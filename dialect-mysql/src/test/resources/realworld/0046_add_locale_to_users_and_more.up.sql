-- Migration: 0046
-- Description: add locale to users and more
-- Author: ben
-- Date: 2023-10-14

ALTER TABLE users ADD COLUMN locale VARCHAR(10) NOT NULL DEFAULT 'de_DE';
CREATE INDEX payments_order_ix ON payments (order_id, paid_at);
ALTER TABLE users ADD COLUMN IF NOT EXISTS marketing_opt_in TINYINT(1) NOT NULL DEFAULT 0;
