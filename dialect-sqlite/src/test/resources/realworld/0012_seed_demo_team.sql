-- Demo data for new installations. Values hold ; and -- on purpose: they are data, not SQL.
INSERT INTO users (id, email, display_name) VALUES
    (1, 'ada@example.com',   'Ada; the admin'),
    (2, 'brian@example.com', 'Brian -- on leave'),
    (3, 'chen@example.com',  'Chen /* not a comment */');
INSERT INTO teams (id, slug, name, owner_id) VALUES (1, 'demo', 'Demo team; say hi', 1);
INSERT INTO team_members (team_id, user_id, role) VALUES (1, 1, 'owner'), (1, 2, 'member'), (1, 3, 'guest');
INSERT INTO projects (id, team_id, key, name, description)
VALUES (1, 1, 'DEMO', 'Demo project', 'Try things here -- nothing is real; really.');
INSERT INTO tasks (project_id, title, body, reporter_id, assignee_id, priority)
VALUES (1, 'Read the guide', 'Step 1; step 2; step 3', 1, 2, 2),
       (1, 'Invite your team', '-- tip: use the Members page', 1, 1, 3),
       (1, 'It''s done', 'Quotes '' and ; inside', 1, NULL, 5);
