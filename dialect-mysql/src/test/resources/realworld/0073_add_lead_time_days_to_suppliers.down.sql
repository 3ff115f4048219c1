ALTER TABLE suppliers DROP COLUMN lead_time_days;
