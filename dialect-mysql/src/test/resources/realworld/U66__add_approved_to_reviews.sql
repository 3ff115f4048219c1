ALTER TABLE reviews DROP COLUMN approved;
