CREATE OR REPLACE VIEW order_search AS
SELECT o.id, o.tenant_id, o.status, o.channel, c.email, c.full_name, o.total_cents
  FROM orders o JOIN customers c ON c.id = o.customer_id;
