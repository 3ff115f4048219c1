-- Teams own projects; the slug is used in URLs.
CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE
               CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 2 AND 40),
    name       TEXT NOT NULL,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
