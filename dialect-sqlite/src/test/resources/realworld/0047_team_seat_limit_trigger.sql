CREATE TRIGGER team_members_seat_limit BEFORE INSERT ON team_members
WHEN (SELECT p.max_members
        FROM subscriptions s JOIN plans p ON p.id = s.plan_id
       WHERE s.team_id = NEW.team_id) <= (SELECT count(*) FROM team_members WHERE team_id = NEW.team_id)
BEGIN
    SELECT RAISE(ABORT, 'seat limit of the plan reached; upgrade the plan');
END;
