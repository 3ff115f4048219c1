DROP TABLE IF EXISTS product_bundles;
