CREATE VIEW v_product_ratings AS
SELECT r.product_id, COUNT(*) AS reviews, ROUND(AVG(r.rating), 2) AS avg_rating
  FROM reviews r
 WHERE r.approved = 1
 GROUP BY r.product_id;
