CREATE INDEX CONCURRENTLY customers_email_trgm ON customers USING gin ((email::text) gin_trgm_ops);
