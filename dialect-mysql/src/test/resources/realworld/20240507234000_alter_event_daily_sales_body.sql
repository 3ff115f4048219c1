-- keel:irreversible data or in-place change; restore from a backup to undo
ALTER EVENT ev_daily_sales DO
BEGIN
  CALL sp_recalculate_daily_sales(CURRENT_DATE - INTERVAL 1 DAY);
  CALL sp_recalculate_daily_sales(CURRENT_DATE - INTERVAL 2 DAY);
  DELETE FROM search_queries WHERE searched_at < NOW() - INTERVAL 90 DAY;
END;
