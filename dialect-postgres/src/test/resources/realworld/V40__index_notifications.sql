-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS notifications_unread_ix ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;
