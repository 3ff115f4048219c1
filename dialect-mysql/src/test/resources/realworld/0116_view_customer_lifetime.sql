CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_customer_lifetime AS
SELECT u.id AS user_id,
       u.email,
       COUNT(o.id) AS orders,
       COALESCE(SUM(o.total), 0) AS revenue,
       CASE WHEN COUNT(o.id) = 0 THEN 'prospect' WHEN COUNT(o.id) < 5 THEN 'regular' ELSE 'loyal' END AS segment
  FROM users u
  LEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'
 GROUP BY u.id, u.email;
