UPDATE users SET status = 'suspended' WHERE status = 'disabled' AND last_login_at < now() - interval '2 years';
