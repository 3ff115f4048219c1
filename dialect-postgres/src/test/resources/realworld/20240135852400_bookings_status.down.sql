ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings DROP COLUMN cancelled_at;
