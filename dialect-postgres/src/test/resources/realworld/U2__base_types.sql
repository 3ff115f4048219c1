DROP DOMAIN money_cents;
DROP DOMAIN currency_code;
DROP TYPE payment_method;
DROP TYPE order_status;
DROP TYPE user_status;
DROP TYPE plan_tier;
