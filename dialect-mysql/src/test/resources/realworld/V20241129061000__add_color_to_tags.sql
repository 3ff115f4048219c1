-- Migration: 20241129061000
-- Description: add color to tags
-- Author: chloe
-- Date: 2024-12-01

ALTER TABLE tags ADD COLUMN color CHAR(7) NOT NULL DEFAULT '#888888';
