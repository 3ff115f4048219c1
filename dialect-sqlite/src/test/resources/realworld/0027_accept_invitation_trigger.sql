CREATE TRIGGER invitations_accepted AFTER UPDATE OF accepted_at ON invitations
WHEN OLD.accepted_at IS NULL AND NEW.accepted_at IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO team_members (team_id, user_id, role)
    SELECT NEW.team_id, u.id, NEW.role FROM users u WHERE u.email = NEW.email;
    UPDATE invitations SET token = 'used:' || NEW.token WHERE id = NEW.id;
END;
