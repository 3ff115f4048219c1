CREATE TABLE custom_fields (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    type       TEXT    NOT NULL CHECK (type IN ('text', 'number', 'date', 'select')),
    options    TEXT    CHECK (options IS NULL OR (json_valid(options) AND json_type(options) = 'array')),
    position   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (project_id, name),
    CHECK (type <> 'select' OR options IS NOT NULL)
);
CREATE TABLE task_field_values (
    task_id  INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    value    TEXT,
    PRIMARY KEY (task_id, field_id)
) WITHOUT ROWID;
