ALTER TABLE invoices DROP COLUMN currency;
