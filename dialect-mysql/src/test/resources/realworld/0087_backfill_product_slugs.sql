-- keel:irreversible data or in-place change; restore from a backup to undo
UPDATE products SET slug = fn_slugify(name) WHERE slug IS NULL;
