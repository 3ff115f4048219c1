-- generic (MySQL) version; PostgreSQL uses the .postgres variant
ALTER TABLE customers ADD COLUMN locale text NOT NULL DEFAULT 'en';
