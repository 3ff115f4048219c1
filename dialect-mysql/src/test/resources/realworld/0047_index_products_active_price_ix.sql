-- Migration: 0047
-- Description: index products active price ix
-- Author: dev-bot
-- Date: 2023-10-17

-- === UP MIGRATION ===
-- Reviewed by ops; run at low traffic.
ALTER TABLE products ADD INDEX products_active_price_ix (active, price);

-- === DOWN MIGRATION ===
DROP INDEX products_active_price_ix ON products;
