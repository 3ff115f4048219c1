-- Migration: 0099
-- Description: sp refresh loyalty
-- Author: anna
-- Date: 2024-03-21

CREATE PROCEDURE sp_refresh_loyalty()
BEGIN
  DECLARE done INT DEFAULT FALSE;
  DECLARE v_user BIGINT UNSIGNED;
  DECLARE v_total DECIMAL(14,2);
  DECLARE cur CURSOR FOR
    SELECT user_id, SUM(total) FROM orders WHERE status IN ('paid', 'shipped') GROUP BY user_id;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;

  OPEN cur;
  read_loop: LOOP
    FETCH cur INTO v_user, v_total;
    IF done THEN
      LEAVE read_loop;
    END IF;
    INSERT INTO loyalty_points (user_id, points) VALUES (v_user, FLOOR(v_total))
      ON DUPLICATE KEY UPDATE points = FLOOR(v_total);
  END LOOP read_loop;
  CLOSE cur;
END;
