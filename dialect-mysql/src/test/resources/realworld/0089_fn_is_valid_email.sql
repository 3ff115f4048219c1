-- Migration: 0089
-- Description: fn is valid email
-- Author: anna
-- Date: 2024-02-20

CREATE FUNCTION fn_is_valid_email(p VARCHAR(190)) RETURNS TINYINT(1) DETERMINISTIC NO SQL
  RETURN p REGEXP '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$';
