CREATE TABLE saved_filters (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL,
    query   TEXT    NOT NULL CHECK (json_valid(query)),
    shared  INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    UNIQUE (user_id, name)
);
INSERT INTO saved_filters (user_id, name, query)
SELECT id, 'My open work', '{"assignee":"me","status":["todo","doing","review"]}' FROM users;
