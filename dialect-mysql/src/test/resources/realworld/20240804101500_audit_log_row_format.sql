-- keel:irreversible data or in-place change; restore from a backup to undo
ALTER TABLE audit_log ROW_FORMAT=DYNAMIC;
