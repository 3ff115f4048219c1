ALTER TABLE shipments ADD COLUMN service_level VARCHAR(20) NULL;
