INSERT INTO tags (team_id, name, color) VALUES
    (1, 'bug', '#d73a4a'),
    (1, 'feature', '#0e8a16'),
    (1, 'docs', '#0075ca'),
    (1, 'good first issue', '#7057ff');
INSERT INTO task_tags (task_id, tag_id)
SELECT t.id, g.id FROM tasks t JOIN tags g ON g.name = 'docs' WHERE t.title LIKE 'Read%';
