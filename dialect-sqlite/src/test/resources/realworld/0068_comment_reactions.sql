CREATE TABLE comment_reactions (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji      TEXT    NOT NULL CHECK (length(emoji) BETWEEN 1 AND 8),
    PRIMARY KEY (comment_id, user_id, emoji)
) WITHOUT ROWID;
