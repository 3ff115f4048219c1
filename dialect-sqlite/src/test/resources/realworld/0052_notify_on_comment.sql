-- Everyone involved in a task hears about a new comment, except its author.
CREATE TRIGGER comments_notify AFTER INSERT ON comments
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    SELECT DISTINCT u.id,
           CASE WHEN instr(NEW.body, '@' || u.display_name) > 0 THEN 'mentioned' ELSE 'commented' END,
           NEW.task_id,
           (SELECT display_name FROM users WHERE id = NEW.author_id) || ': ' || substr(NEW.body, 1, 120)
      FROM users u
     WHERE u.id <> NEW.author_id
       AND u.id IN (SELECT assignee_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT reporter_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT author_id FROM comments WHERE task_id = NEW.task_id);
END;
