DROP PROCEDURE IF EXISTS sp_place_order;
