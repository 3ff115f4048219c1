-- Description: enums and domains shared by many tables
CREATE TYPE plan_tier AS ENUM ('free', 'starter', 'business');
CREATE TYPE user_status AS ENUM ('invited', 'active', 'disabled');
CREATE TYPE order_status AS ENUM ('cart', 'placed', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TYPE payment_method AS ENUM ('card', 'bank_transfer', 'voucher');
CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN money_cents AS bigint CHECK (VALUE >= 0);
