-- Give the query planner statistics for the new indexes (sqlite_stat1 is not part of the schema fingerprint).
ANALYZE;
