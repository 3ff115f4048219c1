-- Migration: 0118
-- Description: audit users
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- === DOWN MIGRATION ===
DROP TRIGGER users_audit ON users;
