-- Migration: 0123
-- Description: views order summary
-- Author: platform-team

-- === UP MIGRATION ===
CREATE VIEW order_summaries AS
SELECT o.id, o.tenant_id, o.status, o.placed_at, c.full_name AS customer,
       count(i.*) AS lines, coalesce(sum(i.line_cents), 0) AS total_cents
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  LEFT JOIN order_items i ON i.order_id = o.id
 GROUP BY o.id, c.full_name;

-- === DOWN MIGRATION ===
DROP VIEW order_summaries;
