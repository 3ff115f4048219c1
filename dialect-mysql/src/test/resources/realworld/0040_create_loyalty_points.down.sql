DROP TABLE IF EXISTS loyalty_points;
