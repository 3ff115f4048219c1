-- migrate:up transaction:false
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'delivered';

-- migrate:down
-- irreversible in practice
