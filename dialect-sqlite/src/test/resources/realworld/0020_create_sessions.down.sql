DROP TABLE sessions;
