-- Migration: 0107
-- Description: audit log 2023 11
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TABLE audit_log_2023_11 PARTITION OF audit_log
  FOR VALUES FROM ('2023-11-01') TO ('2023-12-01');

-- === DOWN MIGRATION ===
DROP TABLE audit_log_2023_11;
