-- migrate:up
ALTER TABLE users ADD COLUMN legacy_id INT UNSIGNED NULL INVISIBLE;

-- migrate:down
ALTER TABLE users DROP COLUMN legacy_id;

