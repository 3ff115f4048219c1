CREATE VIEW working_days AS
SELECT day, strftime('%Y-%m', day) AS month,
       row_number() OVER (PARTITION BY strftime('%Y-%m', day) ORDER BY day) AS nth_in_month
  FROM calendar_days
 WHERE is_weekend = 0 AND is_holiday = 0;
