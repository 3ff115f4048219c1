-- Starting a timer stops the running one of the same person.
CREATE TRIGGER time_entries_stop_running BEFORE INSERT ON time_entries
WHEN NEW.ended_at IS NULL
BEGIN
    UPDATE time_entries SET ended_at = NEW.started_at WHERE user_id = NEW.user_id AND ended_at IS NULL;
END;
