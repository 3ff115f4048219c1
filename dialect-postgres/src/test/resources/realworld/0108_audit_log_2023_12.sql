-- migrate:up
CREATE TABLE audit_log_2023_12 PARTITION OF audit_log
  FOR VALUES FROM ('2023-12-01') TO ('2024-01-01');

-- migrate:down
DROP TABLE audit_log_2023_12;
