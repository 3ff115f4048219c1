-- Migration: 0145
-- Description: carts cleanup rule
-- Author: platform-team

-- === UP MIGRATION ===
-- Orders still in the cart state may be deleted by the cleanup job; everything else is archived instead.
CREATE TABLE deleted_orders (LIKE orders INCLUDING DEFAULTS, deleted_at timestamptz NOT NULL DEFAULT now());
CREATE RULE orders_archive_on_delete AS ON DELETE TO orders
  WHERE OLD.status <> 'cart'
  DO ALSO (
    INSERT INTO deleted_orders (id, tenant_id, customer_id, status, currency, total_cents, placed_at)
    VALUES (OLD.id, OLD.tenant_id, OLD.customer_id, OLD.status, OLD.currency, OLD.total_cents, OLD.placed_at);
    UPDATE tenants SET updated_at = now() WHERE id = OLD.tenant_id
  );

-- === DOWN MIGRATION ===
DROP RULE orders_archive_on_delete ON orders;
DROP TABLE deleted_orders;
