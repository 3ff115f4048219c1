DROP TABLE bookings;
