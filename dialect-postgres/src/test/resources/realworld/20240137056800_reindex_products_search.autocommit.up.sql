REINDEX INDEX CONCURRENTLY products_search_gin;
