-- Migration: 0001
-- Description: People who sign in
-- Author: mira
-- Date: 2023-03-01

-- === UP MIGRATION ===
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT,
    created_at    TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (email LIKE '%_@_%._%')
);
CREATE INDEX users_created_at ON users (created_at);

-- === DOWN MIGRATION ===
DROP TABLE users;
