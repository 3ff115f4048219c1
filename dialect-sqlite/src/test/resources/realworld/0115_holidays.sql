CREATE TABLE holidays (
    day     TEXT NOT NULL CHECK (date(day) = day),
    country TEXT NOT NULL CHECK (length(country) = 2),
    name    TEXT NOT NULL,
    PRIMARY KEY (day, country)
) WITHOUT ROWID;
INSERT INTO holidays (day, country, name) VALUES
    ('2024-01-01', 'DE', 'Neujahr'),
    ('2024-05-01', 'DE', 'Tag der Arbeit'),
    ('2024-10-03', 'DE', 'Tag der Deutschen Einheit'),
    ('2024-12-25', 'DE', '1. Weihnachtstag'),
    ('2024-07-04', 'US', 'Independence Day'),
    ('2024-11-28', 'US', 'Thanksgiving');
