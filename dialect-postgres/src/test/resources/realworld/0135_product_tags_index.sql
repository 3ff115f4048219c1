-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY product_tags_tag_ix ON product_tags (tag_id);

-- migrate:down
-- irreversible in practice
