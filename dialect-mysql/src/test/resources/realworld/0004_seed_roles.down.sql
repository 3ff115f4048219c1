DELETE FROM roles WHERE name IN ('admin', 'staff', 'customer');
