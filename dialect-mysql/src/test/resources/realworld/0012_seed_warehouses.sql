-- === UP MIGRATION ===
INSERT INTO warehouses (code, name, city) VALUES ('BER-01', 'Berlin central', 'Berlin');
INSERT INTO warehouses (code, name, city) VALUES ('HAM-01', 'Hamburg port', 'Hamburg');
INSERT INTO warehouses (code, name, city) VALUES ('MUC-01', 'München Süd', 'München');

-- === DOWN MIGRATION ===
DELETE FROM warehouses WHERE code IN ('BER-01', 'HAM-01', 'MUC-01');
