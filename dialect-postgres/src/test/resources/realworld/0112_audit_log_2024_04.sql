-- migrate:up
CREATE TABLE audit_log_2024_04 PARTITION OF audit_log
  FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');

-- migrate:down
DROP TABLE audit_log_2024_04;
