-- Migration: 0111
-- Description: audit log 2024 03
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TABLE audit_log_2024_03 PARTITION OF audit_log
  FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');

-- === DOWN MIGRATION ===
DROP TABLE audit_log_2024_03;
