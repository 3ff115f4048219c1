-- Migration: 0120
-- Description: audit webhooks
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TRIGGER webhooks_audit AFTER INSERT OR UPDATE OR DELETE ON webhooks
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- === DOWN MIGRATION ===
DROP TRIGGER webhooks_audit ON webhooks;
