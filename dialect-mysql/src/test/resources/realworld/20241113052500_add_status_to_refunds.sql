-- Migration: 20241113052500
-- Description: add status to refunds
-- Author: ben
-- Date: 2024-11-13

-- === UP MIGRATION ===
ALTER TABLE refunds ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'requested';

-- === DOWN MIGRATION ===
ALTER TABLE refunds DROP COLUMN status;
