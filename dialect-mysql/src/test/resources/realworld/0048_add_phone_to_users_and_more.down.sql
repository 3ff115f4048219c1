ALTER TABLE products DROP COLUMN weight_grams;
DROP INDEX users_last_login_ix ON users;
ALTER TABLE users DROP COLUMN phone;
