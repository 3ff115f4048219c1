CREATE INDEX users_display_name_nocase ON users (display_name COLLATE NOCASE);
