CREATE TRIGGER tasks_wip_limit BEFORE UPDATE OF status ON tasks
WHEN (SELECT enabled FROM feature_flags WHERE name = 'board.wip_limits') = 1
 AND (SELECT wip_limit FROM board_columns WHERE project_id = NEW.project_id AND status = NEW.status)
     <= (SELECT count(*) FROM tasks WHERE project_id = NEW.project_id AND status = NEW.status)
BEGIN
    SELECT RAISE(ABORT, 'the column is full (WIP limit); finish something first');
END;
