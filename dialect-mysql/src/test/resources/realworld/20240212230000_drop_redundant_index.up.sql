DROP INDEX audit_log_changed_ix ON audit_log;
