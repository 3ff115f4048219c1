ALTER TABLE archive.audit_log_2023_11 SET SCHEMA public;
