DROP FUNCTION IF EXISTS fn_price_with_tax;
