-- === UP MIGRATION ===
-- MariaDB sequence for invoice numbers (MariaDB 10.3+ only: wrapped so MySQL skips it)
/*M!100300 CREATE SEQUENCE invoice_number_seq START WITH 100000 INCREMENT BY 1 MINVALUE 100000 CACHE 20 */;

-- === DOWN MIGRATION ===
DROP SEQUENCE IF EXISTS invoice_number_seq;
