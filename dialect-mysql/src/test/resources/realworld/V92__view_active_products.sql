CREATE VIEW v_active_products AS
SELECT p.id, p.sku, p.name, p.price, c.name AS category
  FROM products p
  JOIN categories c ON c.id = p.category_id
 WHERE p.active = 1;
