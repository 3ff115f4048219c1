UPDATE tags SET color = lower(color) WHERE color <> lower(color);
UPDATE tags SET name = trim(name) WHERE name <> trim(name);
