-- mysqldump style: conditional comments and DELIMITER ;;
DELIMITER ;;
/*!50003 CREATE*/ /*!50020 DEFINER=CURRENT_USER*/ /*!50003 PROCEDURE `sp_weekly_report`(IN p_week_start DATE)
    READS SQL DATA
BEGIN
  SELECT d.day, d.orders, d.revenue
    FROM daily_sales d
   WHERE d.day >= p_week_start AND d.day < p_week_start + INTERVAL 7 DAY
   ORDER BY d.day;
END */;;
DELIMITER ;
