-- Generic fallback for databases without full-text search: a plain lookup table.
CREATE TABLE task_search_generic (task_id INTEGER PRIMARY KEY, words TEXT NOT NULL);
