DROP INDEX addresses_user_default_ix ON addresses;
ALTER TABLE categories DROP COLUMN visible;
DROP INDEX coupons_valid_ix ON coupons;
