-- keel:irreversible data or in-place change; restore from a backup to undo
UPDATE orders SET currency = 'EUR' WHERE currency IS NULL OR currency = '';
