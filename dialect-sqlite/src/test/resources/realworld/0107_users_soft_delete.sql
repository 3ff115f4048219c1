ALTER TABLE users ADD COLUMN deleted_at TEXT;
CREATE INDEX users_deleted ON users (deleted_at) WHERE deleted_at IS NOT NULL;
