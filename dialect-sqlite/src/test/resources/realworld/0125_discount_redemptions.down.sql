DROP TABLE discount_redemptions;
