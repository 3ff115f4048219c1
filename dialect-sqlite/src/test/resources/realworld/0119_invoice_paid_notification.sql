CREATE TRIGGER invoices_paid_notify AFTER UPDATE OF status ON invoices
WHEN NEW.status = 'paid' AND OLD.status <> 'paid'
BEGIN
    INSERT INTO notifications (user_id, kind, message)
    SELECT t.owner_id, 'invoice',
           'Invoice ' || NEW.number || ' is paid: '
           || coalesce((SELECT symbol FROM currencies WHERE code = NEW.currency), NEW.currency) || ' '
           || printf('%.2f', NEW.total_cents / 100.0)
      FROM teams t WHERE t.id = NEW.team_id;
    DELETE FROM invoice_reminders WHERE invoice_id = NEW.id;
END;
