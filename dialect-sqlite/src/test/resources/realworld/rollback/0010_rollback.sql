-- Undo 0010: tags go, and with them every task's labels.
DROP TABLE task_tags;
DROP TABLE tags;
