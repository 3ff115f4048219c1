-- Migration: 20240824013000
-- Description: users soft delete
-- Author: dev-bot
-- Date: 2024-09-26

ALTER TABLE users ADD COLUMN deleted_at DATETIME NULL;
CREATE INDEX users_deleted_ix ON users (deleted_at);
