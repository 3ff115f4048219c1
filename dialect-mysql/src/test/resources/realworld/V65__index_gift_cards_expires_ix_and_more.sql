CREATE INDEX gift_cards_expires_ix ON gift_cards (expires_at);
ALTER TABLE shipments ADD COLUMN label_url VARCHAR(500) NULL;
ALTER TABLE purchase_orders ADD INDEX purchase_orders_status_ix (status);
