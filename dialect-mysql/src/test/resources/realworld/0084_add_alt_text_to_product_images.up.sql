-- Reviewed by ops; run at low traffic.
ALTER TABLE product_images ADD COLUMN alt_text VARCHAR(200) NULL;
