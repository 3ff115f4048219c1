ALTER TABLE invoices DROP COLUMN pdf_path;
ALTER TABLE stock_movements DROP COLUMN reference;
ALTER TABLE search_queries DROP COLUMN user_id;
