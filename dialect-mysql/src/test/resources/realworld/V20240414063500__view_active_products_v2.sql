CREATE OR REPLACE VIEW v_active_products AS
SELECT p.id, p.sku, p.name, p.slug, p.price, fn_price_with_tax(p.price, p.tax_rate) AS gross_price, c.name AS category
  FROM products p
  JOIN categories c ON c.id = p.category_id AND c.visible = 1
 WHERE p.active = 1;
