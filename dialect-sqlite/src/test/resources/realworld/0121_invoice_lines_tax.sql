ALTER TABLE invoice_lines ADD COLUMN tax_rate_id INTEGER REFERENCES tax_rates (id);
-- Lines of issued invoices are frozen (trigger invoice_lines_frozen) and keep NULL, meaning "legacy, tax included".
UPDATE invoice_lines SET tax_rate_id = (SELECT id FROM tax_rates WHERE country = 'DE' AND name = 'standard')
 WHERE invoice_id IN (SELECT id FROM invoices WHERE status = 'draft');
