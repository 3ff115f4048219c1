-- Description: books, packaged as a classpath resource
CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
INSERT INTO books (title) VALUES ('Dune'), ('Solaris');
