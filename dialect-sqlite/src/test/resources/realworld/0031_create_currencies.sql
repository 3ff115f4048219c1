CREATE TABLE currencies (
    code       TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    name       TEXT NOT NULL,
    minor_unit INTEGER NOT NULL DEFAULT 2 CHECK (minor_unit BETWEEN 0 AND 4),
    symbol     TEXT
) WITHOUT ROWID;
INSERT INTO currencies (code, name, minor_unit, symbol) VALUES
    ('EUR', 'Euro', 2, '€'),
    ('USD', 'US dollar', 2, '$'),
    ('GBP', 'Pound sterling', 2, '£'),
    ('JPY', 'Yen', 0, '¥'),
    ('CHF', 'Swiss franc', 2, NULL),
    ('SEK', 'Swedish krona', 2, 'kr');
