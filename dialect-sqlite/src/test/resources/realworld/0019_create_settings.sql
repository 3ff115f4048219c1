CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
) WITHOUT ROWID;

INSERT INTO settings (key, value) VALUES
    ('site.name', 'Tallybook'),
    ('site.tagline', 'Tasks; done -- together'),
    ('mail.from', '"Tallybook" <no-reply@example.com>'),
    ('mail.footer', '/* You get this mail because you are a member; unsubscribe any time. */'),
    ('ui.theme', 'light');
