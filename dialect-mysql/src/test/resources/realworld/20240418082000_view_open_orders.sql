-- migrate:up
CREATE VIEW v_open_orders AS
SELECT o.id, o.user_id, o.status, o.total, o.currency,
       -- days waiting; ; in comments are fine
       DATEDIFF(NOW(), o.placed_at) AS days_open
  FROM orders o
 WHERE o.status IN ('new', 'paid')
  WITH CASCADED CHECK OPTION;

-- migrate:down
DROP VIEW IF EXISTS v_open_orders;

