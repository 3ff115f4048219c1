-- Migration: 0001
-- Description: Customers who place orders
-- Author: keel demo

-- === UP MIGRATION ===
CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

INSERT INTO customers (email, name) VALUES
    ('ada@example.com', 'Ada Lovelace'),
    ('grace@example.com', 'Grace Hopper');

-- === DOWN MIGRATION ===
DROP TABLE customers;
