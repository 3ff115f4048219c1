ALTER TABLE products DROP COLUMN weight_grams;
