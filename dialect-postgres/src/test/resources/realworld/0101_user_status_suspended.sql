-- Migration: 0101
-- keel:transaction none
-- (ALTER TYPE ... ADD VALUE is kept in a migration of its own)

ALTER TYPE user_status ADD VALUE IF NOT EXISTS 'suspended';
