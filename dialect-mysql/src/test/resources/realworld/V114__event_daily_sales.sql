-- Migration: 0114
-- Description: event daily sales
-- Author: anna
-- Date: 2024-05-05

CREATE EVENT ev_daily_sales
  ON SCHEDULE EVERY 1 DAY STARTS '2024-01-01 01:00:00'
  ON COMPLETION PRESERVE
DO
BEGIN
  CALL sp_recalculate_daily_sales(CURRENT_DATE - INTERVAL 1 DAY);
  DELETE FROM search_queries WHERE searched_at < NOW() - INTERVAL 90 DAY;
END;
