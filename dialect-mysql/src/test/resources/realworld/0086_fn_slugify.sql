-- === UP MIGRATION ===
DELIMITER $$
CREATE FUNCTION fn_slugify(p_text VARCHAR(200)) RETURNS VARCHAR(200) CHARSET utf8mb4
  DETERMINISTIC
BEGIN
  DECLARE v VARCHAR(200) DEFAULT LOWER(TRIM(p_text));
  SET v = REPLACE(v, ' ', '-');
  SET v = REPLACE(v, ';', '');
  WHILE INSTR(v, '--') > 0 DO
    SET v = REPLACE(v, '--', '-');
  END WHILE;
  RETURN v;
END$$
DELIMITER ;

-- === DOWN MIGRATION ===
DROP FUNCTION IF EXISTS fn_slugify;
