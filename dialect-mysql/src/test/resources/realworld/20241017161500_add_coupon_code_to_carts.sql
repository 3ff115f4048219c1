-- migrate:up
ALTER TABLE carts ADD COLUMN coupon_code VARCHAR(32) NULL;

-- migrate:down
ALTER TABLE carts DROP COLUMN coupon_code;

