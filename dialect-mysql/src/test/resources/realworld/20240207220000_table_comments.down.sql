ALTER TABLE audit_log COMMENT = '';
ALTER TABLE price_history COMMENT = '';
