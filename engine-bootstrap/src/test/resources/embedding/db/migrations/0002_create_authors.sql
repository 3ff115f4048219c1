-- Description: authors, packaged as a classpath resource
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO authors (name) VALUES ('Frank Herbert');
