CREATE TABLE tax_rates (
    id         INTEGER PRIMARY KEY,
    country    TEXT    NOT NULL CHECK (length(country) = 2),
    name       TEXT    NOT NULL,
    percent    REAL    NOT NULL CHECK (percent >= 0 AND percent < 100),
    valid_from TEXT    NOT NULL,
    UNIQUE (country, name, valid_from)
);
INSERT INTO tax_rates (country, name, percent, valid_from) VALUES
    ('DE', 'standard', 19, '2007-01-01'),
    ('DE', 'reduced', 7, '2007-01-01'),
    ('FR', 'standard', 20, '2014-01-01'),
    ('GB', 'standard', 20, '2011-01-04');
