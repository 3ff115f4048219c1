-- Migration: 0105
-- Description: order items total trigger
-- Author: platform-team

-- === UP MIGRATION ===
CREATE FUNCTION order_items_refresh_total() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  affected bigint := coalesce(NEW.order_id, OLD.order_id);
BEGIN
  UPDATE orders SET total_cents = order_total(affected) WHERE id = affected;
  RETURN NULL; -- AFTER trigger; the result is ignored
END;
$fn$;
CREATE TRIGGER order_items_refresh_total
  AFTER INSERT OR UPDATE OR DELETE ON order_items
  FOR EACH ROW EXECUTE FUNCTION order_items_refresh_total();

-- === DOWN MIGRATION ===
DROP TRIGGER order_items_refresh_total ON order_items;
DROP FUNCTION order_items_refresh_total();
