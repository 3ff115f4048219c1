-- DOWN of 0131 on SQLite (a rollback file with a dialect part).
DROP TABLE integrations;
