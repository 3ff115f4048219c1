DROP VIEW IF EXISTS v_product_ratings;
