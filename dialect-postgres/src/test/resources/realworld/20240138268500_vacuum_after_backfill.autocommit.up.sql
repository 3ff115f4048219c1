VACUUM (ANALYZE) orders;
VACUUM (ANALYZE) payments;
