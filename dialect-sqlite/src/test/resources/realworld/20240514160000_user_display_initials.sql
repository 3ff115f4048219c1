ALTER TABLE users ADD COLUMN initials TEXT GENERATED ALWAYS AS (
    upper(substr(name, 1, 1) || coalesce(substr(name, nullif(instr(name, ' '), 0) + 1, 1), ''))
) VIRTUAL;
