INSERT INTO invoices (id, team_id, number, currency) VALUES (1, 1, 'TB-2023-0001', 'EUR');
INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price) VALUES
    (1, 1, 'Team plan; March', 1, 8.5),
    (1, 2, 'Extra seats -- 3 users', 3, 2.25);
UPDATE invoices SET status = 'open', issued_at = '2023-03-31 12:00:00' WHERE id = 1;
INSERT INTO payments (invoice_id, amount, method, reference, received_at)
VALUES (1, 15.25, 'sepa', 'SEPA;REF;0001', '2023-04-05 09:30:00');
