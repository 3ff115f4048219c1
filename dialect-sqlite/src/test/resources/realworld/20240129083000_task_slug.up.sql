-- A virtual generated column may be added with ALTER TABLE (a stored one may not).
ALTER TABLE tasks ADD COLUMN slug TEXT GENERATED ALWAYS AS (
    lower(replace(replace(replace(trim(title), ' ', '-'), ';', ''), '--', '-'))
) VIRTUAL;
