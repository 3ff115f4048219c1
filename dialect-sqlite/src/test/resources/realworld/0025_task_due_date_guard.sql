CREATE TRIGGER tasks_due_date_guard BEFORE INSERT ON tasks
WHEN NEW.due_date IS NOT NULL AND NEW.due_date < date('2000-01-01')
BEGIN
    SELECT RAISE(ABORT, 'due_date before 2000; check the date format (YYYY-MM-DD)');
END;
