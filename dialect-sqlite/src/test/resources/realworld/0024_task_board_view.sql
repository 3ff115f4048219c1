CREATE VIEW task_board AS
SELECT t.id, t.project_id, p.key || '-' || t.number AS ref, t.title, t.status, t.priority,
       (SELECT count(*) FROM comments c WHERE c.task_id = t.id) AS comment_count,
       (SELECT group_concat(g.name, ', ') FROM task_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.task_id = t.id)
           AS tag_list
  FROM tasks t JOIN projects p ON p.id = t.project_id;

-- Moving a card on the board updates the task underneath.
CREATE TRIGGER task_board_move INSTEAD OF UPDATE OF status ON task_board
BEGIN
    UPDATE tasks SET status = NEW.status WHERE id = OLD.id;
END;
