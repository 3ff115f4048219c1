-- Orders placed by customers; a trigger keeps updated_at current.
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
    status      TEXT NOT NULL DEFAULT 'open',
    updated_at  TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE INDEX orders_customer ON orders (customer_id);

CREATE TRIGGER orders_touch AFTER UPDATE ON orders
BEGIN
    UPDATE orders SET updated_at = datetime('now') WHERE id = NEW.id;
END;
