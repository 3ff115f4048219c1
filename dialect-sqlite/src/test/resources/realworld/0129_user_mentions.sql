CREATE TABLE user_mentions (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, user_id)
) WITHOUT ROWID;
INSERT INTO user_mentions (comment_id, user_id)
SELECT c.id, u.id FROM comments c JOIN users u ON instr(c.body_md, '@' || u.name) > 0;
