CREATE TABLE discount_codes (
    code        TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(code) BETWEEN 4 AND 32),
    percent_off INTEGER CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_cents INTEGER CHECK (amount_off_cents > 0),
    max_uses    INTEGER,
    used        INTEGER NOT NULL DEFAULT 0,
    expires_at  TEXT,
    CHECK ((percent_off IS NULL) <> (amount_off_cents IS NULL)),
    CHECK (max_uses IS NULL OR used <= max_uses)
) WITHOUT ROWID;
