# one-line body: no BEGIN ... END needed
CREATE FUNCTION fn_loyalty_tier(p_points INT) RETURNS VARCHAR(10) DETERMINISTIC
  RETURN CASE WHEN p_points >= 1000 THEN 'gold' WHEN p_points >= 500 THEN 'silver' ELSE 'bronze' END;
