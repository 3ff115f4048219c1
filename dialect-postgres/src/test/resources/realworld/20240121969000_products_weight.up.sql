ALTER TABLE products ADD COLUMN weight_grams integer CHECK (weight_grams IS NULL OR weight_grams > 0);
COMMENT ON COLUMN products.weight_grams IS E'Shipping weight in grams.\nNULL for digital goods.';
