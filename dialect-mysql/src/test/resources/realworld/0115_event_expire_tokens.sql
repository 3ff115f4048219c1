DELIMITER //
CREATE EVENT ev_expire_tokens ON SCHEDULE EVERY 15 MINUTE DO
BEGIN
  UPDATE api_tokens SET revoked = 1 WHERE expires_at < NOW() AND revoked = 0;
END //
DELIMITER ;
