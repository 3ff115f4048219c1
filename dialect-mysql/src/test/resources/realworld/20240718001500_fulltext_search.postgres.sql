CREATE INDEX products_fulltext ON products USING gin (to_tsvector('english', name));
