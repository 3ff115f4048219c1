DROP TRIGGER IF EXISTS users_bi;
CREATE TRIGGER users_bi BEFORE INSERT ON users FOR EACH ROW
BEGIN
  SET NEW.email = LOWER(TRIM(NEW.email));
  IF NEW.display_name IS NULL OR NEW.display_name = '' THEN
    SET NEW.display_name = SUBSTRING_INDEX(NEW.email, '@', 1);
  END IF;
END;
