-- Migration: 0140
-- keel:transaction none
-- (ALTER TYPE ... ADD VALUE is kept in a migration of its own)

ALTER TYPE ticket_priority ADD VALUE 'critical' AFTER 'urgent';
