CREATE INDEX users_display_name_trgm ON users USING gin (display_name gin_trgm_ops);
