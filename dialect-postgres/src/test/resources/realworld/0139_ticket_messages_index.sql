-- keel:transaction none
CREATE INDEX CONCURRENTLY ticket_messages_ticket_ix ON ticket_messages (ticket_id, created_at);
