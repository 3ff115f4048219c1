-- migrate:up
CREATE TABLE coupon_redemptions (
  coupon_id  bigint NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
  order_id   bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  redeemed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (coupon_id, order_id)
);

-- migrate:down
DROP TABLE coupon_redemptions;
