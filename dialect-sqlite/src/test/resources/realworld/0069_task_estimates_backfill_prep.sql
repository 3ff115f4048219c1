-- Prepare the tasks rebuild of 0070: normalise legacy values the new CHECKs would reject.
UPDATE tasks SET title = trim(title) WHERE title <> trim(title);
UPDATE tasks SET priority = 3 WHERE priority NOT BETWEEN 1 AND 5;
