INSERT INTO categories (id, parent_id, name, slug, position) VALUES
  (1, NULL, 'Kitchen', 'kitchen', 1),
  (2, 1, 'Knives & boards', 'knives-boards', 1),
  (3, 1, 'Coffee; tea', 'coffee-tea', 2),
  (4, NULL, 'Garden', 'garden', 2);
