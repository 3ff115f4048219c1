DROP VIEW IF EXISTS v_active_products;
