ALTER TABLE reviews ADD COLUMN IF NOT EXISTS title VARCHAR(150) NULL AFTER rating;
ALTER TABLE categories ADD INDEX categories_parent_ix (parent_id, position);
