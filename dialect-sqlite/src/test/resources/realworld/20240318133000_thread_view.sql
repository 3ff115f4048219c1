CREATE VIEW comment_threads AS
WITH RECURSIVE thread(id, task_id, root_id, depth, path) AS (
    SELECT id, task_id, id, 0, printf('%08d', id) FROM comments WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.task_id, t.root_id, t.depth + 1, t.path || '/' || printf('%08d', c.id)
      FROM comments c JOIN thread t ON c.parent_id = t.id
)
SELECT thread.*, c.author_id, c.body_md FROM thread JOIN comments c ON c.id = thread.id;
