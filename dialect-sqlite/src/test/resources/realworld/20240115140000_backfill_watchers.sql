-- Everyone who reported, is assigned to or commented on a task watches it.
INSERT OR IGNORE INTO task_watchers (task_id, user_id)
SELECT id, reporter_id FROM tasks WHERE reporter_id IS NOT NULL
UNION
SELECT id, assignee_id FROM tasks WHERE assignee_id IS NOT NULL
UNION
SELECT task_id, author_id FROM comments WHERE author_id IS NOT NULL;
