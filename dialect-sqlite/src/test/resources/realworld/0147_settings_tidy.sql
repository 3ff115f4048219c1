UPDATE settings SET value = 'Tasks; done -- together!', updated_at = CURRENT_TIMESTAMP WHERE key = 'site.tagline';
DELETE FROM settings WHERE key = 'ui.theme';
INSERT INTO settings (key, value) VALUES ('ui.default_theme', 'system')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
