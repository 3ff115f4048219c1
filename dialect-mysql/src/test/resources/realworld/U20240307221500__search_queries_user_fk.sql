ALTER TABLE search_queries DROP FOREIGN KEY search_queries_user_fk;
