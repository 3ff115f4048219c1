CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    invoice_id   INTEGER NOT NULL REFERENCES invoices (id),
    amount       REAL    NOT NULL CHECK (amount <> 0),
    method       TEXT    NOT NULL CHECK (method IN ('card', 'sepa', 'wire', 'manual')),
    reference    TEXT,
    received_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX payments_invoice ON payments (invoice_id);

CREATE TRIGGER payments_settle AFTER INSERT ON payments
BEGIN
    UPDATE invoices
       SET status  = CASE WHEN (SELECT sum(amount) FROM payments WHERE invoice_id = NEW.invoice_id) >= total
                          THEN 'paid' ELSE status END,
           paid_at = CASE WHEN (SELECT sum(amount) FROM payments WHERE invoice_id = NEW.invoice_id) >= total
                          THEN NEW.received_at ELSE paid_at END
     WHERE id = NEW.invoice_id AND status = 'open';
END;
