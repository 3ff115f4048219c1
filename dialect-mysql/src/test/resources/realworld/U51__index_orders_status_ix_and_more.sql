ALTER TABLE products DROP COLUMN slug;
DROP INDEX orders_status_ix ON orders;
