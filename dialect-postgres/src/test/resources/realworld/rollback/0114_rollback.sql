DROP TABLE audit_log_2024_06;
