CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL UNIQUE REFERENCES teams (id) ON DELETE CASCADE,
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    status      TEXT    NOT NULL DEFAULT 'trialing'
                CHECK (status IN ('trialing', 'active', 'past_due', 'cancelled')),
    started_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    renews_at   TEXT,
    cancelled_at TEXT,
    CHECK (cancelled_at IS NULL OR status = 'cancelled')
);
INSERT INTO subscriptions (team_id, plan_id, status)
SELECT t.id, (SELECT id FROM plans WHERE code = 'free'), 'active' FROM teams t;
