-- Migration: 20240811180000
-- Description: daily sales partition 2025
-- Author: chloe
-- Date: 2024-09-17

-- keel:irreversible data or in-place change; restore from a backup to undo
ALTER TABLE daily_sales REORGANIZE PARTITION pmax INTO (
  PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);
