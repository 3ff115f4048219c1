INSERT OR IGNORE INTO currencies (code, name, minor_unit, symbol) VALUES
    ('NOK', 'Norwegian krone', 2, 'kr'),
    ('DKK', 'Danish krone', 2, 'kr.'),
    ('PLN', 'Złoty', 2, 'zł'),
    ('EUR', 'Euro (duplicate; ignored)', 2, '€');
