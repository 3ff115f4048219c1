DROP FUNCTION IF EXISTS fn_loyalty_tier;
