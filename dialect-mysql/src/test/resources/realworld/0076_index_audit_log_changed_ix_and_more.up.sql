CREATE INDEX audit_log_changed_ix ON audit_log (changed_at);
ALTER TABLE inventory ADD COLUMN updated_at DATETIME NULL ON UPDATE CURRENT_TIMESTAMP;
