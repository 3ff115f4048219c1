-- Migration: 0119
-- Description: audit api keys
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- === DOWN MIGRATION ===
DROP TRIGGER api_keys_audit ON api_keys;
