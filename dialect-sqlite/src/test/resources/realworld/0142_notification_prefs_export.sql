INSERT OR IGNORE INTO notification_preferences (user_id, kind, channel) SELECT id, 'export', 'web' FROM users;
