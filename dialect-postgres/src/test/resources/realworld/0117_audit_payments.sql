-- Migration: 0117
-- Description: audit payments
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- === DOWN MIGRATION ===
DROP TRIGGER payments_audit ON payments;
