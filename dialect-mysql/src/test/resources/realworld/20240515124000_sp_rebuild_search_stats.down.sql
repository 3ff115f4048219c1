DROP PROCEDURE IF EXISTS sp_rebuild_search_stats;
