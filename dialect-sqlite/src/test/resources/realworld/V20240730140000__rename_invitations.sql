-- RENAME TO carries the new name into the trigger on the table (legacy_alter_table is off).
ALTER TABLE invitations RENAME TO team_invitations;
