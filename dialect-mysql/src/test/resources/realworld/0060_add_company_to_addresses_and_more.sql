-- === UP MIGRATION ===
-- Requested by the checkout team.
ALTER TABLE addresses ADD COLUMN company VARCHAR(150) NULL AFTER user_id;
ALTER TABLE invoices ADD INDEX invoices_issued_ix (issued_at);

-- === DOWN MIGRATION ===
DROP INDEX invoices_issued_ix ON invoices;
ALTER TABLE addresses DROP COLUMN company;
