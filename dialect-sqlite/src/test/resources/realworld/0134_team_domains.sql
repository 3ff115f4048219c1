CREATE TABLE team_domains (
    domain  TEXT PRIMARY KEY COLLATE NOCASE CHECK (domain LIKE '%_.__%' AND domain NOT LIKE '%@%'),
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    role    TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'guest'))
) WITHOUT ROWID;
