DROP VIEW IF EXISTS v_active_users;
