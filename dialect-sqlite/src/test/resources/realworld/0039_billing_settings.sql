INSERT INTO settings (key, value) VALUES
    ('billing.invoice_prefix', 'TB-'),
    ('billing.payment_terms_days', '14'),
    ('billing.footer', 'Bank: Example Bank; IBAN DE00 0000 0000 0000 -- thank you!');
