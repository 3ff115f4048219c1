ALTER TABLE coupons DROP COLUMN max_uses;
