DROP FUNCTION erase_customer(bigint);
