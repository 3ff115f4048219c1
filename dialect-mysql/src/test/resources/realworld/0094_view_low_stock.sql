/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 SQL SECURITY DEFINER */
/*!50001 VIEW v_low_stock AS SELECT product_id, SUM(quantity) AS qty FROM inventory GROUP BY product_id HAVING SUM(quantity) < 10 */;
