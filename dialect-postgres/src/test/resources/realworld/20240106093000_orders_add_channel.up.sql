ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
ALTER TABLE orders ADD CONSTRAINT orders_channel_check CHECK (channel IN ('web', 'pos', 'api', 'marketplace'));
