-- migrate:up
ALTER TABLE api_tokens ADD COLUMN created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- migrate:down
ALTER TABLE api_tokens DROP COLUMN created_at;

