-- A sprint without an end lasts two weeks. "end" is a column here, not the end of the body.
CREATE TRIGGER sprints_default_end AFTER INSERT ON sprints
WHEN NEW.end IS NULL
BEGIN
    UPDATE sprints SET end = date(NEW.begin, '+14 days') WHERE id = NEW.id;
    UPDATE sprints
       SET name = CASE WHEN trim(name) = '' THEN 'Sprint ' || strftime('%W', begin) ELSE name END
     WHERE id = NEW.id;
END;
