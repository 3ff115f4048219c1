CREATE TABLE invoice_lines (
    id          INTEGER PRIMARY KEY,
    invoice_id  INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position > 0),
    description TEXT    NOT NULL,
    quantity    REAL    NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price  REAL    NOT NULL CHECK (unit_price >= 0),
    UNIQUE (invoice_id, position)
);
