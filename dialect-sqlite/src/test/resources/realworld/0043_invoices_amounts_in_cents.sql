-- Migration: 0043
-- Description: money as integer cents
-- Author: jonas
-- keel:irreversible REAL amounts cannot be restored exactly; restore a backup taken before 0043 instead
-- REAL amounts round badly. Rebuild invoices, invoice_lines and payments with integer cents
-- (the 12-step table rebuild of https://www.sqlite.org/lang_altertable.html#otheralter).
-- Views and triggers that mention the rebuilt tables are dropped first and created again below:
-- SQLite checks the whole schema when a table is renamed.
DROP VIEW monthly_revenue;
DROP TRIGGER payments_settle;

CREATE TABLE invoices_new (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id),
    number      TEXT    NOT NULL UNIQUE,
    currency    TEXT    NOT NULL REFERENCES currencies (code),
    total_cents INTEGER NOT NULL DEFAULT 0,
    status      TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'paid', 'void')),
    issued_at   TEXT,
    due_at      TEXT,
    paid_at     TEXT,
    CHECK (status = 'draft' OR issued_at IS NOT NULL)
);
INSERT INTO invoices_new (id, team_id, number, currency, total_cents, status, issued_at, due_at, paid_at)
SELECT id, team_id, number, currency, CAST(round(total * 100) AS INTEGER), status, issued_at, due_at, paid_at
  FROM invoices;

CREATE TABLE invoice_lines_new (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position > 0),
    description      TEXT    NOT NULL,
    quantity         REAL    NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    UNIQUE (invoice_id, position)
);
INSERT INTO invoice_lines_new (id, invoice_id, position, description, quantity, unit_price_cents)
SELECT id, invoice_id, position, description, quantity, CAST(round(unit_price * 100) AS INTEGER) FROM invoice_lines;

CREATE TABLE payments_new (
    id           INTEGER PRIMARY KEY,
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    method       TEXT    NOT NULL CHECK (method IN ('card', 'sepa', 'wire', 'manual')),
    reference    TEXT,
    received_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO payments_new (id, invoice_id, amount_cents, method, reference, received_at)
SELECT id, invoice_id, CAST(round(amount * 100) AS INTEGER), method, reference, received_at FROM payments;

-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE payments;
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE invoice_lines;
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE invoices;
ALTER TABLE invoices_new RENAME TO invoices;
ALTER TABLE invoice_lines_new RENAME TO invoice_lines;
ALTER TABLE payments_new RENAME TO payments;

CREATE INDEX invoices_team ON invoices (team_id, issued_at);
CREATE INDEX invoices_unpaid ON invoices (due_at) WHERE status = 'open';
CREATE INDEX payments_invoice ON payments (invoice_id);

CREATE TRIGGER invoice_lines_ai AFTER INSERT ON invoice_lines
BEGIN
    UPDATE invoices
       SET total_cents = (SELECT coalesce(sum(CAST(round(quantity * unit_price_cents) AS INTEGER)), 0)
                            FROM invoice_lines WHERE invoice_id = NEW.invoice_id)
     WHERE id = NEW.invoice_id;
END;
CREATE TRIGGER invoice_lines_au AFTER UPDATE ON invoice_lines
BEGIN
    UPDATE invoices
       SET total_cents = (SELECT coalesce(sum(CAST(round(quantity * unit_price_cents) AS INTEGER)), 0)
                            FROM invoice_lines WHERE invoice_id = invoices.id)
     WHERE id IN (NEW.invoice_id, OLD.invoice_id);
END;
CREATE TRIGGER invoice_lines_ad AFTER DELETE ON invoice_lines
BEGIN
    UPDATE invoices
       SET total_cents = (SELECT coalesce(sum(CAST(round(quantity * unit_price_cents) AS INTEGER)), 0)
                            FROM invoice_lines WHERE invoice_id = OLD.invoice_id)
     WHERE id = OLD.invoice_id;
END;
CREATE TRIGGER invoice_lines_frozen BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued; create a credit note instead');
END;
CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN
    SELECT CASE
               WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'void' THEN RAISE(ABORT, 'invoice is void')
               ELSE RAISE(ABORT, 'invoice is issued; create a credit note instead')
           END;
END;
CREATE TRIGGER invoices_number_on_issue AFTER UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'open'
BEGIN
    UPDATE invoices
       SET issued_at = coalesce(NEW.issued_at, CURRENT_TIMESTAMP),
           due_at    = coalesce(NEW.due_at,
                                date(coalesce(NEW.issued_at, CURRENT_TIMESTAMP),
                                     '+' || (SELECT value FROM settings WHERE key = 'billing.payment_terms_days') || ' days'))
     WHERE id = NEW.id;
END;
CREATE TRIGGER payments_settle AFTER INSERT ON payments
BEGIN
    UPDATE invoices
       SET status  = CASE WHEN (SELECT sum(amount_cents) FROM payments WHERE invoice_id = NEW.invoice_id) >= total_cents
                          THEN 'paid' ELSE status END,
           paid_at = CASE WHEN (SELECT sum(amount_cents) FROM payments WHERE invoice_id = NEW.invoice_id) >= total_cents
                          THEN NEW.received_at ELSE paid_at END
     WHERE id = NEW.invoice_id AND status = 'open';
END;
CREATE VIEW monthly_revenue AS
SELECT strftime('%Y-%m', p.received_at) AS month,
       i.currency,
       count(DISTINCT i.id)            AS invoices,
       sum(p.amount_cents)             AS received_cents
  FROM payments p
  JOIN invoices i ON i.id = p.invoice_id
 GROUP BY 1, 2;
