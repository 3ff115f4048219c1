-- keel:irreversible sprint goals moved to the sprint description in the UI; the column was never filled
ALTER TABLE sprints DROP COLUMN goal;
