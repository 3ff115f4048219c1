-- Reviewed by ops; run at low traffic.
CREATE INDEX carts_session_ix ON carts (session_token);
