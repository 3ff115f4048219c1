DROP INDEX CONCURRENTLY shipments_tracking_uq;
