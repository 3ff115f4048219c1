ALTER TABLE inventory DROP CONSTRAINT inventory_reserved_chk;
