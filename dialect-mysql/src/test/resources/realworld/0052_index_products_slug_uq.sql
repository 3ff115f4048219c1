ALTER TABLE products ADD UNIQUE INDEX products_slug_uq (slug);
