CREATE INDEX projects_team_active ON projects (team_id) WHERE status = 'active';
