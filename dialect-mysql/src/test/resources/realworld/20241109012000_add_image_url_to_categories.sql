-- Migration: 20241109012000
-- Description: add image url to categories
-- Author: ben
-- Date: 2024-11-10

ALTER TABLE categories ADD COLUMN image_url VARCHAR(500) NULL;
