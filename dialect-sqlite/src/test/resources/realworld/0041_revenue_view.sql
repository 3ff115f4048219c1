CREATE VIEW monthly_revenue AS
SELECT strftime('%Y-%m', p.received_at) AS month,
       i.currency,
       count(DISTINCT i.id)            AS invoices,
       round(sum(p.amount), 2)         AS received
  FROM payments p
  JOIN invoices i ON i.id = p.invoice_id
 GROUP BY 1, 2;
