-- Reclaim the space freed by 0086. VACUUM cannot run inside a transaction.
-- keel:transaction none
VACUUM;
