CREATE VIEW outstanding_invoices AS
SELECT i.id, i.number, t.name AS team, i.currency,
       i.total_cents
         - coalesce((SELECT sum(amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
         - coalesce((SELECT sum(amount_cents) FROM credit_notes c WHERE c.invoice_id = i.id), 0) AS open_cents,
       i.due_at,
       CASE
           WHEN i.due_at IS NULL THEN 'no due date'
           WHEN i.due_at < date('now', '-30 days') THEN 'overdue 30+'
           WHEN i.due_at < date('now') THEN 'overdue'
           ELSE 'due'
       END AS bucket
  FROM invoices i JOIN teams t ON t.id = i.team_id
 WHERE i.status = 'open';
