CREATE TRIGGER users_auto_join AFTER INSERT ON users
BEGIN
    INSERT OR IGNORE INTO team_members (team_id, user_id, role)
    SELECT d.team_id, NEW.id, d.role
      FROM team_domains d
     WHERE d.domain = substr(NEW.email, instr(NEW.email, '@') + 1);
    INSERT INTO user_preferences (user_id, key, value) VALUES (NEW.id, 'timezone', 'UTC'), (NEW.id, 'locale', 'en');
END;
