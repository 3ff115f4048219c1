ALTER TABLE search_queries ADD INDEX search_queries_at_ix (searched_at);
ALTER TABLE categories ADD COLUMN description TEXT NULL;
