ALTER TABLE warehouses DROP COLUMN active;
