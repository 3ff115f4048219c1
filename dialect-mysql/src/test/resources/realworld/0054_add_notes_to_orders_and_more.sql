-- Migration: 0054
-- Description: add notes to orders and more
-- Author: ben
-- Date: 2023-11-07

ALTER TABLE orders ADD COLUMN notes TEXT NULL;
CREATE INDEX notifications_unread_ix ON notifications (user_id, read_at);
