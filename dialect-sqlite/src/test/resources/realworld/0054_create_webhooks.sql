CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    url        TEXT    NOT NULL CHECK (url LIKE 'https://%'),
    secret     TEXT    NOT NULL,
    events     TEXT    NOT NULL DEFAULT '["task.created"]' CHECK (json_valid(events)),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE webhook_deliveries (
    id          INTEGER PRIMARY KEY,
    webhook_id  INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    payload     TEXT    NOT NULL CHECK (json_valid(payload)),
    status_code INTEGER CHECK (status_code IS NULL OR status_code BETWEEN 100 AND 599),
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    delivered_at TEXT
);
-- Expression indexes on JSON: deliveries are searched by event name.
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (json_extract(payload, '$.event'));
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (webhook_id, created_at) WHERE delivered_at IS NULL;
