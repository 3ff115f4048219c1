ALTER TABLE purchase_orders ADD COLUMN IF NOT EXISTS expected_at DATE NULL;
ALTER TABLE purchase_orders ADD COLUMN IF NOT EXISTS total_cost DECIMAL(12,2) NULL;
ALTER TABLE newsletter_subscribers ADD COLUMN source VARCHAR(40) NULL;
