CREATE VIEW active_users AS
SELECT id, email, name, last_login_at,
       CASE
           WHEN last_login_at IS NULL THEN 'never'
           WHEN last_login_at >= datetime('now', '-7 days') THEN 'weekly'
           WHEN last_login_at >= datetime('now', '-30 days') THEN 'monthly'
           ELSE 'dormant'
       END AS activity
  FROM users
 WHERE deleted_at IS NULL;
