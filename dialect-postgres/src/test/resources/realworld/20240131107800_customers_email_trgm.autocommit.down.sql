DROP INDEX CONCURRENTLY customers_email_trgm;
