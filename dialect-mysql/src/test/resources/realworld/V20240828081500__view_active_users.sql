CREATE VIEW v_active_users AS
SELECT id, email, display_name, last_login_at FROM users WHERE deleted_at IS NULL;
