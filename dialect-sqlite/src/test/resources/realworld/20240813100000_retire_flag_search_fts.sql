-- The FTS search is the only search now; the flag goes.
DELETE FROM feature_flags WHERE name = 'search.fts';
