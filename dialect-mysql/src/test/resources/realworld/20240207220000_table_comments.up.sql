ALTER TABLE audit_log COMMENT = 'append-only; written by triggers';
ALTER TABLE price_history COMMENT = 'It''s filled by products_bu';
