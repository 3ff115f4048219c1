ALTER TABLE notifications DROP COLUMN channel;
