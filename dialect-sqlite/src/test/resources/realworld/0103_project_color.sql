ALTER TABLE projects ADD COLUMN color TEXT NOT NULL DEFAULT '#4f46e5' CHECK (length(color) = 7 AND substr(color, 1, 1) = '#');
