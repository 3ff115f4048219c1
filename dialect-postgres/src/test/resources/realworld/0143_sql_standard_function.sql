-- Migration: 0143
-- Description: sql standard function
-- Author: platform-team

-- === UP MIGRATION ===
-- SQL-standard function body (PostgreSQL 14+): the ';' inside BEGIN ATOMIC ... END belong to the body.
CREATE FUNCTION coupon_is_valid(c coupons, at_time timestamptz DEFAULT now()) RETURNS boolean
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT CASE WHEN c.max_uses IS NOT NULL AND c.max_uses <= 0 THEN false
              ELSE c.valid_during @> at_time END;
END;

-- === DOWN MIGRATION ===
DROP FUNCTION coupon_is_valid(coupons, timestamptz);
