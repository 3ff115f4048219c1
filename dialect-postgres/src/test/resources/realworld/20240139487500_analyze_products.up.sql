ANALYZE products;
