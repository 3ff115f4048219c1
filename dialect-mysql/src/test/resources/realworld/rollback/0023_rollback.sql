DROP TABLE IF EXISTS product_tags;
