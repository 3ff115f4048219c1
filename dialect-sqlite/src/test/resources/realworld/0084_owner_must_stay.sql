CREATE TRIGGER team_members_keep_owner BEFORE DELETE ON team_members
WHEN OLD.role = 'owner' AND (SELECT count(*) FROM team_members WHERE team_id = OLD.team_id AND role = 'owner') = 1
BEGIN
    SELECT RAISE(ABORT, 'a team needs an owner; transfer ownership first');
END;
