CREATE FUNCTION tenant_stats(p_tenant bigint, OUT order_count bigint, OUT revenue_cents bigint, OUT customer_count bigint)
LANGUAGE plpgsql STABLE AS $stats$
BEGIN
  SELECT count(*), coalesce(sum(total_cents), 0) INTO order_count, revenue_cents
    FROM orders WHERE tenant_id = p_tenant AND status NOT IN ('cart', 'cancelled');
  SELECT count(*) INTO customer_count FROM customers WHERE tenant_id = p_tenant;
  /* nested /* comments */ inside a body are the body's business; so is this: $$ */
END;
$stats$;
