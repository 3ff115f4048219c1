ALTER TABLE notifications ADD COLUMN channel text NOT NULL DEFAULT 'in_app';
