DROP INDEX products_name_ix ON products;
ALTER TABLE products DROP COLUMN updated_at;
