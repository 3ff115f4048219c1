-- migrate:up
INSERT INTO tags (name) VALUES ('new'), ('sale'), ('eco'), ('gift idea'), ('back in stock');

-- migrate:down
DELETE FROM tags WHERE name IN ('new', 'sale', 'eco', 'gift idea', 'back in stock');

