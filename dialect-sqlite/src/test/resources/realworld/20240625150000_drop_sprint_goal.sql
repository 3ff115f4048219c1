-- keel:irreversible sprint goals moved to the sprint description in the UI; the column was never filled
-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE sprints DROP COLUMN goal;
