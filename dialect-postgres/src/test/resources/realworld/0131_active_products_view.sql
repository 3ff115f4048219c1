-- Migration: 0131
-- Description: active products view
-- Author: platform-team

-- === UP MIGRATION ===
CREATE VIEW active_products WITH (security_barrier = true) AS
SELECT id, tenant_id, category_id, sku, name, price_cents, currency
  FROM products
 WHERE archived_at IS NULL;

-- === DOWN MIGRATION ===
DROP VIEW active_products;
