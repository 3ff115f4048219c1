-- === UP MIGRATION ===
DELIMITER //
CREATE PROCEDURE sp_purge_outbox(IN p_days INT)
BEGIN
  DECLARE v_rows INT DEFAULT 0;
  REPEAT
    DELETE FROM email_outbox WHERE status = 'sent' AND sent_at < NOW() - INTERVAL p_days DAY LIMIT 1000;
    SET v_rows = ROW_COUNT();
  UNTIL v_rows = 0 END REPEAT;
END //
DELIMITER ;

-- === DOWN MIGRATION ===
DROP PROCEDURE IF EXISTS sp_purge_outbox;
