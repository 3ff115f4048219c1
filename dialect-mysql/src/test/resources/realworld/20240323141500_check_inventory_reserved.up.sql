ALTER TABLE inventory ADD CONSTRAINT inventory_reserved_chk CHECK (reserved >= 0);
