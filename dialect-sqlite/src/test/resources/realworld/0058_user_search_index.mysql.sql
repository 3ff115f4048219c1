CREATE FULLTEXT INDEX users_display_name_ft ON users (display_name);
