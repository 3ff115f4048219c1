ALTER TABLE orders MODIFY notes TEXT NULL COMMENT 'free text from the customer; shown on the packing slip';
