CREATE TABLE calendar_days (
    day        TEXT PRIMARY KEY CHECK (date(day) = day),
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    is_weekend INTEGER NOT NULL CHECK (is_weekend IN (0, 1))
) WITHOUT ROWID;

INSERT INTO calendar_days (day, weekday, is_weekend)
WITH RECURSIVE d(day) AS (
    SELECT '2023-01-01'
    UNION ALL
    SELECT date(day, '+1 day') FROM d WHERE day < '2027-12-31'
)
SELECT day, CAST(strftime('%w', day) AS INTEGER), CASE strftime('%w', day) WHEN '0' THEN 1 WHEN '6' THEN 1 ELSE 0 END
  FROM d;
