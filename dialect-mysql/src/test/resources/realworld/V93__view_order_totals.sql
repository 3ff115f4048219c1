CREATE VIEW v_order_totals AS
SELECT o.id AS order_id, o.user_id, SUM(oi.quantity * oi.unit_price) AS items_total, COUNT(*) AS line_count
  FROM orders o
  JOIN order_items oi ON oi.order_id = o.id
 GROUP BY o.id, o.user_id;
