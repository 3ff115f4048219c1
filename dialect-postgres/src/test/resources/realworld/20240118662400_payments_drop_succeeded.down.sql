ALTER TABLE payments ADD COLUMN succeeded boolean;
