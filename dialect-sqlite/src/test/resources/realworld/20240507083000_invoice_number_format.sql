-- Invoice numbers become TB-YYYY-NNNNN. Fix the old ones in place.
UPDATE invoices
   SET number = 'TB-' || substr(number, 4, 4) || '-' || printf('%05d', CAST(substr(number, 9) AS INTEGER))
 WHERE number GLOB 'TB-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]';
UPDATE settings SET value = 'TB-%Y-%05d' WHERE key = 'billing.invoice_prefix';
