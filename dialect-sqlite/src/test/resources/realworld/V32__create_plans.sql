CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    monthly_price   REAL    NOT NULL CHECK (monthly_price >= 0),
    currency        TEXT    NOT NULL DEFAULT 'EUR' REFERENCES currencies (code),
    max_members     INTEGER CHECK (max_members IS NULL OR max_members > 0),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO plans (code, name, monthly_price, max_members) VALUES
    ('free', 'Free', 0, 3),
    ('team', 'Team', 8.5, 25),
    ('business', 'Business', 19.99, NULL);
