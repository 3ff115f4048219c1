DELETE FROM settings WHERE k IN ('site.name', 'site.tagline', 'export.path', 'mail.footer', 'legal.note', 'emoji');
