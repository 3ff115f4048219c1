CREATE PROCEDURE sp_rebuild_search_stats(IN p_days INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < p_days DO
    CALL sp_recalculate_daily_sales(CURRENT_DATE - INTERVAL i DAY);
    SET i = i + 1;
  END WHILE;
END;
