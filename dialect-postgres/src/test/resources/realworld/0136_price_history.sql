-- Migration: 0136
-- Description: price history
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TABLE price_history (
  product_id  bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  valid_from  timestamptz NOT NULL,
  price_cents money_cents NOT NULL,
  PRIMARY KEY (product_id, valid_from)
);
CREATE FUNCTION record_price_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.price_cents IS DISTINCT FROM OLD.price_cents THEN
    INSERT INTO price_history (product_id, valid_from, price_cents) VALUES (NEW.id, now(), NEW.price_cents);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER products_price_history AFTER UPDATE OF price_cents ON products
  FOR EACH ROW EXECUTE FUNCTION record_price_change();

-- === DOWN MIGRATION ===
DROP TRIGGER products_price_history ON products;
DROP FUNCTION record_price_change();
DROP TABLE price_history;
