ALTER TABLE orders DROP COLUMN ip_address;
