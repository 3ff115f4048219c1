CREATE TABLE project_templates (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    columns   TEXT NOT NULL CHECK (json_valid(columns) AND json_array_length(columns) BETWEEN 1 AND 12),
    tags      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags))
);
INSERT INTO project_templates (name, columns, tags) VALUES
    ('Kanban', '["To do","In progress","Done"]', '["bug","feature"]'),
    ('Scrum', '["Backlog","Sprint","Review","Done"]', '["story","spike"]');
