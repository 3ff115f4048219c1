ALTER TABLE team_invitations RENAME TO invitations;
