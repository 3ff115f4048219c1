-- keel:irreversible data or in-place change; restore from a backup to undo
DROP FUNCTION IF EXISTS fn_loyalty_tier;
CREATE FUNCTION fn_loyalty_tier(p_points INT) RETURNS VARCHAR(10) DETERMINISTIC
BEGIN
  RETURN CASE
    WHEN p_points >= 5000 THEN 'platinum'
    WHEN p_points >= 1000 THEN 'gold'
    WHEN p_points >= 500 THEN 'silver'
    ELSE 'bronze'
  END;
END;
