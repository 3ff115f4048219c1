-- Requested by the checkout team.
ALTER TABLE coupons ADD INDEX coupons_valid_ix (valid_from, valid_until);
ALTER TABLE categories ADD COLUMN visible TINYINT(1) NOT NULL DEFAULT 1;
ALTER TABLE addresses ADD INDEX addresses_user_default_ix (user_id, is_default);
