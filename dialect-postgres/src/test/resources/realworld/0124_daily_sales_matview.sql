-- migrate:up
CREATE MATERIALIZED VIEW daily_sales AS
SELECT tenant_id, date_trunc('day', placed_at) AS day, count(*) AS orders, sum(total_cents) AS revenue_cents
  FROM orders
 WHERE status IN ('paid', 'shipped', 'delivered')
 GROUP BY tenant_id, date_trunc('day', placed_at)
WITH DATA;
CREATE UNIQUE INDEX daily_sales_pk ON daily_sales (tenant_id, day);

-- migrate:down
DROP MATERIALIZED VIEW daily_sales;
