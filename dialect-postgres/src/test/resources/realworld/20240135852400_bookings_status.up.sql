ALTER TABLE bookings ADD COLUMN cancelled_at timestamptz;
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
  EXCLUDE USING gist (resource_id WITH =, during WITH &&) WHERE (cancelled_at IS NULL);
