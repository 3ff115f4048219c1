-- Migration: 0104
-- Description: trigger users normalise email
-- Author: chloe
-- Date: 2024-04-05

CREATE TRIGGER users_bi BEFORE INSERT ON users FOR EACH ROW
  SET NEW.email = LOWER(TRIM(NEW.email));
