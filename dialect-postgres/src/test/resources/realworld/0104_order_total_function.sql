-- migrate:up
-- Recomputes an order total from its lines; SQL function with positional parameters.
CREATE OR REPLACE FUNCTION order_total(bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(line_cents), 0)::bigint FROM order_items WHERE order_id = $1;
$$;

-- migrate:down
DROP FUNCTION order_total(bigint);
