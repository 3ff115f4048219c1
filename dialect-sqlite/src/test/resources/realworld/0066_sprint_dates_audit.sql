CREATE TABLE sprint_date_changes (
    id        INTEGER PRIMARY KEY,
    sprint_id INTEGER NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
    old_begin TEXT, old_end TEXT, new_begin TEXT, new_end TEXT,
    at        TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- "OF begin, end": column names that look like the body's keywords.
CREATE TRIGGER sprints_dates_changed AFTER UPDATE OF begin, end ON sprints
WHEN OLD.begin IS NOT NEW.begin OR OLD.end IS NOT NEW.end
BEGIN
    INSERT INTO sprint_date_changes (sprint_id, old_begin, old_end, new_begin, new_end)
    VALUES (NEW.id, OLD.begin, OLD.end, NEW.begin, NEW.end);
END;
