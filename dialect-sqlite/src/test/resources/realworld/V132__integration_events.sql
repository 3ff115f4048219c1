CREATE TABLE integration_events (
    id             INTEGER PRIMARY KEY,
    integration_id INTEGER NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    direction      TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    payload        TEXT    NOT NULL CHECK (json_valid(payload)),
    at             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX integration_events_recent ON integration_events (integration_id, at DESC);
CREATE INDEX integration_events_kind ON integration_events (payload ->> '$.type');
