-- The invoice total follows its lines. Three triggers, one per kind of change.
CREATE TRIGGER invoice_lines_ai AFTER INSERT ON invoice_lines
BEGIN
    UPDATE invoices
       SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM invoice_lines WHERE invoice_id = NEW.invoice_id)
     WHERE id = NEW.invoice_id;
END;

CREATE TRIGGER invoice_lines_au AFTER UPDATE ON invoice_lines
BEGIN
    UPDATE invoices
       SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM invoice_lines WHERE invoice_id = NEW.invoice_id)
     WHERE id IN (NEW.invoice_id, OLD.invoice_id);
END;

CREATE TRIGGER invoice_lines_ad AFTER DELETE ON invoice_lines
BEGIN
    UPDATE invoices
       SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM invoice_lines WHERE invoice_id = OLD.invoice_id)
     WHERE id = OLD.invoice_id;
END;
