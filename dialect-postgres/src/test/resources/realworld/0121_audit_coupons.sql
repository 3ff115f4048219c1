-- migrate:up
CREATE TRIGGER coupons_audit AFTER INSERT OR UPDATE OR DELETE ON coupons
  FOR EACH ROW EXECUTE FUNCTION audit_row();

-- migrate:down
DROP TRIGGER coupons_audit ON coupons;
