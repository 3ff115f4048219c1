    INSERT INTO task_templates (team_id, name, title, body, priority) VALUES
        (NULL, 'bug', 'Bug: ', '## Steps
1. ...; 2. ...
-- expected vs actual --', 2),
        (NULL, 'release', 'Release x.y', 'Checklist: tag; build; publish; announce', 3),
        (NULL, 'onboarding', 'Onboard a new member', 'Accounts -- laptop -- intro call', 4);
    /* Templates with team_id NULL are global. */
