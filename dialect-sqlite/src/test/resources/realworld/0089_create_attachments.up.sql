CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    comment_id   INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    uploader_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    file_name    TEXT    NOT NULL CHECK (file_name NOT LIKE '%/%' AND file_name <> ''),
    content_type TEXT    NOT NULL DEFAULT 'application/octet-stream',
    size_bytes   INTEGER NOT NULL CHECK (size_bytes BETWEEN 0 AND 104857600),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    created_at   TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ((task_id IS NULL) <> (comment_id IS NULL))
);
CREATE INDEX attachments_task ON attachments (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX attachments_comment ON attachments (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX attachments_sha ON attachments (sha256);
