UPDATE tasks SET estimate_minutes = CASE priority WHEN 1 THEN 240 WHEN 2 THEN 120 ELSE 60 END
 WHERE estimate_minutes IS NULL;
