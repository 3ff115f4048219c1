CREATE TRIGGER tasks_webhook_created AFTER INSERT ON tasks
BEGIN
    INSERT INTO webhook_deliveries (webhook_id, payload)
    SELECT w.id,
           json_object('event', 'task.created',
                       'task', json_object('id', NEW.id, 'title', NEW.title, 'priority', NEW.priority))
      FROM webhooks w
      JOIN projects p ON p.team_id = w.team_id AND p.id = NEW.project_id
     WHERE w.active = 1
       AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = 'task.created');
END;
