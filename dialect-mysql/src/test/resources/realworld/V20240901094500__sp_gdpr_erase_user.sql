CREATE PROCEDURE sp_gdpr_erase_user(IN p_user BIGINT UNSIGNED)
  MODIFIES SQL DATA
  COMMENT 'GDPR: anonymise a user; keeps orders for accounting'
BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION, SQLWARNING
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  START TRANSACTION;
  UPDATE users
     SET email = CONCAT('erased-', id, '@example.invalid'),
         display_name = NULL,
         phone = NULL,
         deleted_at = NOW()
   WHERE id = p_user;
  DELETE FROM addresses WHERE user_id = p_user AND id NOT IN (SELECT address_id FROM orders WHERE address_id IS NOT NULL);
  DELETE FROM sessions WHERE user_id = p_user;
  UPDATE api_tokens SET revoked = 1 WHERE user_id = p_user;
  COMMIT;
END;
