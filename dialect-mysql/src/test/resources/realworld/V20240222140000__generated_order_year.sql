ALTER TABLE orders ADD COLUMN placed_year SMALLINT AS (YEAR(placed_at)) VIRTUAL;
CREATE INDEX orders_placed_year_ix ON orders (placed_year);
