DO $seed$
DECLARE
  t bigint;
BEGIN
  INSERT INTO tenants (slug, name, plan) VALUES ('demo-shop', 'Demo Shop', 'starter') RETURNING id INTO t;
  INSERT INTO customers (tenant_id, email, full_name) VALUES (t, 'ana@example.org', 'Ana Lima'), (t, 'bo@example.org', 'Bo Chen');
  INSERT INTO categories (tenant_id, name) VALUES (t, 'Books'), (t, 'Games');
  RAISE NOTICE 'demo tenant % created; it''s safe to delete', t;
END
$seed$;
