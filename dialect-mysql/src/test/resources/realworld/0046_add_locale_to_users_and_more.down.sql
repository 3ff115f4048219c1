ALTER TABLE users DROP COLUMN marketing_opt_in;
DROP INDEX payments_order_ix ON payments;
ALTER TABLE users DROP COLUMN locale;
