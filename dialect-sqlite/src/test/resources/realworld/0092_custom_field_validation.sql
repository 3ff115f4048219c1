CREATE TRIGGER task_field_values_check BEFORE INSERT ON task_field_values
BEGIN
    SELECT CASE (SELECT type FROM custom_fields WHERE id = NEW.field_id)
               WHEN 'number' THEN
                   CASE WHEN NEW.value IS NOT NULL AND CAST(NEW.value AS REAL) || '' <> NEW.value
                             AND CAST(NEW.value AS INTEGER) || '' <> NEW.value
                        THEN RAISE(ABORT, 'not a number') END
               WHEN 'date' THEN
                   CASE WHEN NEW.value IS NOT NULL AND date(NEW.value) IS NOT NEW.value
                        THEN RAISE(ABORT, 'not a date (YYYY-MM-DD)') END
               WHEN 'select' THEN
                   CASE WHEN NEW.value IS NOT NULL AND NOT EXISTS (
                                 SELECT 1 FROM custom_fields f, json_each(f.options) o
                                  WHERE f.id = NEW.field_id AND o.value = NEW.value)
                        THEN RAISE(ABORT, 'not one of the options') END
           END;
END;
CREATE TRIGGER task_field_values_check_update BEFORE UPDATE OF value ON task_field_values
WHEN (SELECT type FROM custom_fields WHERE id = NEW.field_id) = 'date' AND date(NEW.value) IS NOT NEW.value
BEGIN
    SELECT RAISE(ABORT, 'not a date (YYYY-MM-DD)');
END;
