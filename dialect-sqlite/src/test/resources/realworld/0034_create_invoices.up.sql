CREATE TABLE invoices (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    number      TEXT    NOT NULL UNIQUE,
    currency    TEXT    NOT NULL REFERENCES currencies (code),
    total       REAL    NOT NULL DEFAULT 0,
    status      TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'paid', 'void')),
    issued_at   TEXT,
    due_at      TEXT,
    paid_at     TEXT,
    CHECK (status = 'draft' OR issued_at IS NOT NULL)
);
CREATE INDEX invoices_team ON invoices (team_id, issued_at);
CREATE INDEX invoices_unpaid ON invoices (due_at) WHERE status = 'open';
