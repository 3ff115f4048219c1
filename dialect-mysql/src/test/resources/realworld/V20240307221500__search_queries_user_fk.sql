ALTER TABLE search_queries ADD CONSTRAINT search_queries_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL;
