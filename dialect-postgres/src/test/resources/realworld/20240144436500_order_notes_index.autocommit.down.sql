DROP INDEX CONCURRENTLY order_notes_order_ix;
