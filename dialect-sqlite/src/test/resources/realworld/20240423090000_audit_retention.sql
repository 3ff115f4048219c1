CREATE TABLE audit_log_archive (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    actor_id  INTEGER,
    entity    TEXT    NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT    NOT NULL,
    changes   TEXT
) STRICT;
INSERT INTO audit_log_archive SELECT * FROM audit_log WHERE at < '2023-06-01';
DELETE FROM audit_log WHERE at < '2023-06-01';
