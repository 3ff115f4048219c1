DROP INDEX CONCURRENTLY orders_channel_ix;
