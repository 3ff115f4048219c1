DROP EVENT IF EXISTS ev_daily_sales;
