DROP INDEX tasks_reporter;
DROP INDEX tasks_assignee_open;
DROP INDEX tasks_project_status;
