INSERT INTO tasks (project_id, title, body, reporter_id)
SELECT 1, [Task Title], 'Imported; owner was ' || `Owner -- name` || '. ' || "Notes /* raw */", 1
  FROM "legacy import; 2019";
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE "legacy import; 2019";
