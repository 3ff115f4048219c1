ALTER TABLE customers ADD COLUMN locale text NOT NULL DEFAULT 'en';
