CREATE TRIGGER invoices_number_on_issue AFTER UPDATE OF status ON invoices
WHEN OLD.status = 'draft' AND NEW.status = 'open'
BEGIN
    UPDATE invoices
       SET issued_at = coalesce(NEW.issued_at, CURRENT_TIMESTAMP),
           due_at    = coalesce(NEW.due_at,
                                date(coalesce(NEW.issued_at, CURRENT_TIMESTAMP),
                                     '+' || (SELECT value FROM settings WHERE key = 'billing.payment_terms_days') || ' days'))
     WHERE id = NEW.id;
END;
