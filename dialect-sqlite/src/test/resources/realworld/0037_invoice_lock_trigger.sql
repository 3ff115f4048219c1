-- Lines of an issued invoice are frozen.
CREATE TRIGGER invoice_lines_frozen BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued; create a credit note instead');
END;

CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN
    SELECT CASE
               WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) = 'void' THEN RAISE(ABORT, 'invoice is void')
               ELSE RAISE(ABORT, 'invoice is issued; create a credit note instead')
           END;
END;
