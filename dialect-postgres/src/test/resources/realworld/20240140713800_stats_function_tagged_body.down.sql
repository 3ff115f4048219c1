DROP FUNCTION tenant_stats(bigint);
