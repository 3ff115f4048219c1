-- migrate:up
CREATE TABLE board_columns (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('todo', 'doing', 'review', 'blocked', 'done')),
    title      TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    wip_limit  INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
    UNIQUE (project_id, status),
    UNIQUE (project_id, position)
);
INSERT INTO board_columns (project_id, status, title, position)
WITH s (status, title, position) AS (
    VALUES ('todo', 'To do', 1), ('doing', 'In progress', 2), ('review', 'Review', 3),
           ('blocked', 'Blocked', 4), ('done', 'Done', 5)
)
SELECT p.id, s.status, s.title, s.position FROM projects p CROSS JOIN s;

-- migrate:down
DROP TABLE board_columns;
