ALTER TABLE search_queries RENAME COLUMN query_text TO query;
