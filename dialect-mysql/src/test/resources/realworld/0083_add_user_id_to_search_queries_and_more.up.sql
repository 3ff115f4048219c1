-- Requested by the checkout team.
ALTER TABLE search_queries ADD COLUMN user_id BIGINT UNSIGNED NULL;
ALTER TABLE stock_movements ADD COLUMN reference VARCHAR(100) NULL;
ALTER TABLE invoices ADD COLUMN pdf_path VARCHAR(300) NULL;
