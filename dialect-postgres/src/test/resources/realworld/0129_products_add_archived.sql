-- Migration: 0129
-- Description: products add archived
-- Author: platform-team

-- === UP MIGRATION ===
ALTER TABLE products ADD COLUMN archived_at timestamptz;
COMMENT ON COLUMN products.archived_at IS 'Hidden from the shop when set; kept for old orders';

-- === DOWN MIGRATION ===
ALTER TABLE products DROP COLUMN archived_at;
