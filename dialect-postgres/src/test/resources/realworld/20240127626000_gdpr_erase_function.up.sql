CREATE OR REPLACE FUNCTION erase_customer(p_customer bigint) RETURNS void
LANGUAGE plpgsql AS $erase$
BEGIN
  UPDATE customers
     SET email = 'erased-' || p_customer || '@invalid', full_name = 'erased', phone = NULL
   WHERE id = p_customer;
  DELETE FROM addresses WHERE customer_id = p_customer;
  -- keep orders for accounting; they reference the erased customer row
  INSERT INTO audit_log (tenant_id, action, entity, entity_id)
  SELECT tenant_id, 'erase', 'customers', p_customer::text FROM customers WHERE id = p_customer;
END;
$erase$;
