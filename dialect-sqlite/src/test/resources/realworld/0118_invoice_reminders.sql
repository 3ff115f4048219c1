CREATE TABLE invoice_reminders (
    id         INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    sent_at    TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (invoice_id, level)
);
