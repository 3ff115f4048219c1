-- Migration: 0116
-- Description: audit orders
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- === DOWN MIGRATION ===
DROP TRIGGER orders_audit ON orders;
