ALTER TABLE calendar_days ADD COLUMN is_holiday INTEGER NOT NULL DEFAULT 0 CHECK (is_holiday IN (0, 1));
UPDATE calendar_days SET is_holiday = 1 WHERE day IN (SELECT day FROM holidays WHERE country = 'DE');
