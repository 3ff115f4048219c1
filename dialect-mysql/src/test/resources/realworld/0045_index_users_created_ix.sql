-- Reviewed by ops; run at low traffic.
ALTER TABLE users ADD INDEX users_created_ix (created_at);
