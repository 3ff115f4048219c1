-- Migration: create order_items
CREATE TABLE order_items (

  order_id     bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no      smallint NOT NULL,
  product_id   bigint NOT NULL REFERENCES products (id),
  quantity     integer NOT NULL CHECK (quantity > 0),
  unit_cents   money_cents NOT NULL,
  line_cents   bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED,
  PRIMARY KEY (order_id, line_no)
);
