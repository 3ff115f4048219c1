CREATE UNIQUE INDEX CONCURRENTLY shipments_tracking_uq ON shipments (carrier, tracking_code) WHERE tracking_code IS NOT NULL;
