UPDATE settings SET value = '2.1', updated_at = CURRENT_TIMESTAMP WHERE key = 'schema.release';
