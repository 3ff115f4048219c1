-- "display_name" becomes "name". SQLite (>= 3.25) rewrites the indexes, views and triggers that use it.
ALTER TABLE users RENAME COLUMN display_name TO name;
