CREATE INDEX CONCURRENTLY order_notes_order_ix ON order_notes (order_id);
