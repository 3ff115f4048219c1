CREATE INDEX CONCURRENTLY orders_channel_ix ON orders (tenant_id, channel);
