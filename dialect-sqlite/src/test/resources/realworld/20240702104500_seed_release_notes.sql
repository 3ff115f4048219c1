INSERT INTO settings (key, value) VALUES
    ('release.2_1.notes', 'Watchers; threads; status page -- and fewer bugs.'),
    ('release.2_1.date', '2024-07-02');
