ALTER TABLE search_queries RENAME COLUMN query TO query_text;
