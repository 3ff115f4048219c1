CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    changes    TEXT    CHECK (changes IS NULL OR json_valid(changes))
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
