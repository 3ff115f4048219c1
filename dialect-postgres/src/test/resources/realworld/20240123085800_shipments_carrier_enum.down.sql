ALTER TABLE shipments ALTER COLUMN carrier TYPE text;
DROP TYPE carrier;
