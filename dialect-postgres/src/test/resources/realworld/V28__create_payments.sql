-- Migration: create payments
CREATE TABLE payments (

  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id      bigint NOT NULL REFERENCES orders (id),
  method        payment_method NOT NULL,
  amount_cents  money_cents NOT NULL,
  provider_ref  text,
  succeeded     boolean,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
