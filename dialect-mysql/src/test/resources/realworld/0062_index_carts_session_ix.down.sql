DROP INDEX carts_session_ix ON carts;
