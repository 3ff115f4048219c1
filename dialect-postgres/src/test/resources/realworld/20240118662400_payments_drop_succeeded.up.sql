ALTER TABLE payments DROP COLUMN succeeded;
