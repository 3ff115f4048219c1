ALTER TABLE products ADD FULLTEXT INDEX products_fulltext (name, description);
