CREATE TABLE discount_redemptions (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL REFERENCES discount_codes (code),
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    invoice_id INTEGER REFERENCES invoices (id),
    at         TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (code, team_id)
);
CREATE TRIGGER discount_redemptions_count AFTER INSERT ON discount_redemptions
BEGIN
    UPDATE discount_codes SET used = used + 1 WHERE code = NEW.code;
    SELECT CASE
               WHEN (SELECT expires_at FROM discount_codes WHERE code = NEW.code) < CURRENT_TIMESTAMP
               THEN RAISE(ABORT, 'discount code expired')
           END;
END;
