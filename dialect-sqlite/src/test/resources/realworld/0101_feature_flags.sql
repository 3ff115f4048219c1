CREATE TABLE feature_flags (
    name        TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_.]*'),
    enabled     INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    rollout_pct INTEGER NOT NULL DEFAULT 0 CHECK (rollout_pct BETWEEN 0 AND 100),
    note        TEXT
) WITHOUT ROWID;
INSERT INTO feature_flags (name, enabled, rollout_pct, note) VALUES
    ('search.fts', 1, 100, 'FTS5 search; replaces LIKE'),
    ('board.wip_limits', 0, 0, 'needs design -- see ticket TB-88'),
    ('billing.yearly', 0, 10, 'yearly plans; beta');
