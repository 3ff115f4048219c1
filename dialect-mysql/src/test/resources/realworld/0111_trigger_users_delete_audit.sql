-- mysqldump style trigger
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER users_ad AFTER DELETE ON users FOR EACH ROW BEGIN
  INSERT INTO audit_log (table_name, row_id, action, details) VALUES ('users', OLD.id, 'delete', JSON_OBJECT('email', OLD.email));
END */;;
DELIMITER ;
