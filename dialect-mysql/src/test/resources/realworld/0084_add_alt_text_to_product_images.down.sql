ALTER TABLE product_images DROP COLUMN alt_text;
